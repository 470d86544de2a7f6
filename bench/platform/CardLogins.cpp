#include "CardLogins.h"

#include "card/HolderChallenge.h"
#include "pki/OpenSsl.h"

#include <QDateTime>
#include <QFile>
#include <QtEndian>

#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <memory>
#include <thread>
#include <vector>

namespace madoguchi::bench {

QList<QByteArray> signedVerifications(const QByteArray& secret, const pki::DemoResident& resident, int count)
{
    auto key = pki::ossl::privateKeyFromPkcs8Der(resident.authKeyPkcs8Der);
    QList<QByteArray> bodies(count);
    auto work = [&](int from, int to) {
        for (int i = from; i < to; ++i) {
            QByteArray nonce(32, '\0');
            RAND_bytes(reinterpret_cast<unsigned char*>(nonce.data()), 32);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            char t[8];
            qToBigEndian(static_cast<quint64>(now.toSecsSinceEpoch()), t);
            const QByteArray body = nonce + QByteArray(t, 8);
            const QByteArray input = QByteArray("rp-challenge") + body + "bench-a";
            unsigned char mac[32];
            unsigned int macLength = 0;
            HMAC(EVP_sha256(), secret.constData(), static_cast<int>(secret.size()),
                 reinterpret_cast<const unsigned char*>(input.constData()), static_cast<size_t>(input.size()), mac,
                 &macLength);
            const card::HolderChallenge challenge{nonce, QStringLiteral("card-login"), QStringLiteral("bench-a"),
                                                  QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC)};
            const QByteArray message = challenge.toBytes();
            pki::ossl::EvpMdCtxPtr ctx(EVP_MD_CTX_new());
            size_t length = 256;
            QByteArray signature(256, '\0');
            EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key->get());
            EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                           reinterpret_cast<const unsigned char*>(message.constData()),
                           static_cast<size_t>(message.size()));
            bodies[i] = "{\"challenge\":\"" + (body + QByteArray(reinterpret_cast<char*>(mac), 32)).toBase64() +
                        "\",\"certificate\":\"" + resident.authCertDer.toBase64() + "\",\"signature\":\"" +
                        signature.toBase64() + "\",\"assurance\":\"pin_signature\"}";
        }
    };
    std::thread helper(work, 0, count / 2);
    work(count / 2, count);
    helper.join();
    return bodies;
}

QString verificationFiles(const QString& directory, const QByteArray& secret, const pki::DemoResident& resident,
                          int count, int parts)
{
    // One file per wrk thread: each thread's init reads only its own share. With one shared file every
    // thread parsed all of it, the first threads finished long before the last and ran out of fresh
    // challenges (the replays are 409 answers that cost no SQL and inflated the rate).
    const QString path = directory + QStringLiteral("/verify-bodies.txt");
    std::vector<std::unique_ptr<QFile>> files;
    for (int i = 0; i < parts; ++i) {
        files.push_back(std::make_unique<QFile>(path + QLatin1Char('.') + QString::number(i)));
        if (!files.back()->open(QIODevice::WriteOnly)) {
            return path;
        }
    }
    qsizetype line = 0;
    for (const QByteArray& body : signedVerifications(secret, resident, count)) {
        files[static_cast<std::size_t>(line++ % parts)]->write(body + '\n');
    }
    return path;
}

} // namespace madoguchi::bench
