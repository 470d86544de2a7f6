#include "TestOcspPki.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QTcpServer>

namespace {

constexpr const char* Extensions = R"([leaf]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
[signer]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=OCSPSigning
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
)";

const QString CaDn = QStringLiteral("/C=JP/O=JPKI/OU=Madoguchi Test CA");

struct RevokedLeaf
{
    int reason;
    const char* serial;
    const char* reasonText;
};
// openssl's index.txt reason names (apps/ca.c crl_reasons).
constexpr RevokedLeaf RevokedLeaves[] = {{0, "1010", "unspecified"},
                                         {1, "1011", "keyCompromise"},
                                         {3, "1013", "affiliationChanged"},
                                         {4, "1014", "superseded"},
                                         {5, "1015", "cessationOfOperation"}};

} // namespace

TestOcspPki::TestOcspPki(QString directory) : m_dir(std::move(directory)) {}

bool TestOcspPki::run(const QStringList& args)
{
    QProcess process;
    process.setWorkingDirectory(m_dir);
    process.start(QStringLiteral("openssl"), args);
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1: %2")
                      .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(process.readAllStandardError()));
        return false;
    }
    return true;
}

bool TestOcspPki::makeKey(const QString& name)
{
    return run({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"), QStringLiteral("-out"), key(name)});
}

bool TestOcspPki::makeSelfSigned(const QString& name, const QString& keyName)
{
    return run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-new"), QStringLiteral("-key"),
                key(keyName), QStringLiteral("-subj"), CaDn, QStringLiteral("-days"), QStringLiteral("30"),
                QStringLiteral("-out"), pem(name)});
}

bool TestOcspPki::issue(const QString& name, const QString& keyName, const QString& caName, const QString& serialHex,
                        const QString& extensions)
{
    const QString csr = m_dir + QLatin1Char('/') + name + QStringLiteral(".csr");
    return run({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"), key(keyName),
                QStringLiteral("-subj"), QStringLiteral("/C=JP/CN=%1").arg(name), QStringLiteral("-out"), csr}) &&
           run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr, QStringLiteral("-CA"),
                pem(caName), QStringLiteral("-CAkey"), key(caName), QStringLiteral("-set_serial"),
                QStringLiteral("0x") + serialHex, QStringLiteral("-days"), QStringLiteral("30"),
                QStringLiteral("-extfile"), m_dir + QStringLiteral("/ext.cnf"), QStringLiteral("-extensions"),
                extensions, QStringLiteral("-out"), pem(name)});
}

bool TestOcspPki::writeIndex()
{
    // index.txt: status, expiry, revocation[,reason], serial, file, subject — tab separated.
    QByteArray index = "V\t301231000000Z\t\t1001\tunknown\t/C=JP/CN=good\n";
    for (const auto& leaf : RevokedLeaves) {
        index += QByteArray("R\t301231000000Z\t250101000000Z,") + leaf.reasonText + '\t' + leaf.serial +
                 "\tunknown\t/C=JP/CN=revoked" + QByteArray::number(leaf.reason) + '\n';
    }
    QFile file(indexPath());
    return file.open(QIODevice::WriteOnly) && file.write(index) == index.size();
}

bool TestOcspPki::generate()
{
    QFile ext(m_dir + QStringLiteral("/ext.cnf"));
    if (!ext.open(QIODevice::WriteOnly) || ext.write(Extensions) < 0) {
        m_error = QStringLiteral("cannot write ext.cnf");
        return false;
    }
    ext.close();
    bool ok = makeKey(QStringLiteral("ca")) && makeKey(QStringLiteral("leaf")) && makeKey(QStringLiteral("signer")) &&
              makeKey(QStringLiteral("rogueCa")) && makeSelfSigned(QStringLiteral("ca"), QStringLiteral("ca")) &&
              makeSelfSigned(QStringLiteral("rogueCa"), QStringLiteral("rogueCa"));
    const QString leafExt = QStringLiteral("leaf");
    ok = ok &&
         issue(QStringLiteral("good"), QStringLiteral("leaf"), QStringLiteral("ca"), QStringLiteral("1001"), leafExt) &&
         issue(QStringLiteral("unknown"), QStringLiteral("leaf"), QStringLiteral("ca"), QStringLiteral("1003"),
               leafExt) &&
         issue(QStringLiteral("signer"), QStringLiteral("signer"), QStringLiteral("ca"), QStringLiteral("2001"),
               QStringLiteral("signer")) &&
         issue(QStringLiteral("noEkuSigner"), QStringLiteral("signer"), QStringLiteral("ca"), QStringLiteral("2002"),
               leafExt) &&
         issue(QStringLiteral("rogueSigner"), QStringLiteral("signer"), QStringLiteral("rogueCa"),
               QStringLiteral("3001"), QStringLiteral("signer"));
    for (const auto& leaf : RevokedLeaves) {
        const QString name = QStringLiteral("revoked%1").arg(leaf.reason);
        ok = ok && issue(name, QStringLiteral("leaf"), QStringLiteral("ca"), QString::fromLatin1(leaf.serial), leafExt);
    }
    // The same key files under the signer names, for `-rkey`.
    for (const char* alias : {"noEkuSigner", "rogueSigner"}) {
        ok = ok && QFile::copy(key(QStringLiteral("signer")), key(QString::fromLatin1(alias)));
    }
    const QStringList all{QStringLiteral("ca"),          QStringLiteral("rogueCa"),  QStringLiteral("good"),
                          QStringLiteral("unknown"),     QStringLiteral("signer"),   QStringLiteral("noEkuSigner"),
                          QStringLiteral("rogueSigner"), QStringLiteral("revoked0"), QStringLiteral("revoked1"),
                          QStringLiteral("revoked3"),    QStringLiteral("revoked4"), QStringLiteral("revoked5")};
    for (const QString& name : all) {
        const QString derPath = m_dir + QLatin1Char('/') + name + QStringLiteral(".der");
        ok = ok && run({QStringLiteral("x509"), QStringLiteral("-in"), pem(name), QStringLiteral("-outform"),
                        QStringLiteral("DER"), QStringLiteral("-out"), derPath});
        QFile file(derPath);
        if (ok && file.open(QIODevice::ReadOnly)) {
            m_der.insert(name, file.readAll());
        }
    }
    return ok && writeIndex();
}

TestOcspResponder::TestOcspResponder(const TestOcspPki& pki) : m_pki(pki) {}

TestOcspResponder::~TestOcspResponder()
{
    stop();
}

QString TestOcspResponder::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

bool TestOcspResponder::start(const QString& signer, const QString& signerKey, const QStringList& extraArgs)
{
    stop();
    m_port = freeLocalPort();
    m_process = std::make_unique<QProcess>();
    m_process->setReadChannel(QProcess::StandardError);
    // -port binds all interfaces (toolchain.md); clients use 127.0.0.1. -nmin gives a nextUpdate.
    QStringList args{QStringLiteral("ocsp"),
                     QStringLiteral("-port"),
                     QString::number(m_port),
                     QStringLiteral("-index"),
                     m_pki.indexPath(),
                     QStringLiteral("-CA"),
                     m_pki.pem(QStringLiteral("ca")),
                     QStringLiteral("-rsigner"),
                     m_pki.pem(signer),
                     QStringLiteral("-rkey"),
                     m_pki.key(signerKey),
                     QStringLiteral("-nmin"),
                     QStringLiteral("60"),
                     QStringLiteral("-ignore_err")};
    m_process->start(QStringLiteral("openssl"), args + extraArgs);
    if (!m_process->waitForStarted(10'000)) {
        m_error = QStringLiteral("openssl ocsp did not start");
        return false;
    }
    // The responder prints "ACCEPT [::]:N" once bound and listening, then "waiting for OCSP client
    // connections": wait for that line. A connect probe is no good here: openssl 3.0's responder
    // hangs on a connection closed without a request and then serves nobody.
    const QDeadlineTimer deadline(15'000);
    QByteArray seen;
    while (m_process->waitForReadyRead(static_cast<int>(deadline.remainingTime()))) {
        seen += m_process->readAllStandardError();
        if (seen.contains("waiting for OCSP client connections")) {
            return true;
        }
    }
    m_error = QStringLiteral("openssl ocsp never accepted on port %1").arg(m_port);
    return false;
}

void TestOcspResponder::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5'000)) {
            m_process->kill();
            m_process->waitForFinished(5'000);
        }
    }
    m_process.reset();
}

quint16 freeLocalPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    return server.serverPort();
}
