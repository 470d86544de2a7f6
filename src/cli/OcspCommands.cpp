#include "cli/Groups.h"
#include "cli/RegistryAudit.h"

#include "core/Clock.h"
#include "pki/JpkiCertificate.h"
#include "pki/OcspSource.h"
#include "pki/RevocationStatus.h"
#include "store/CardIdentity.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace madoguchi::cli {

namespace {

const QString Usage = QStringLiteral(
    "madoguchi-cli ocsp check --cert CERT --issuer CA --url http://HOST:PORT [--signer-cert X] [--timeout MS]\n"
    "  Asks an OCSP responder (RFC 6960) about CERT, issued by CA (files in PEM or DER).\n"
    "  --signer-cert: the responder's certificate when it sends none (still checked: issued by CA,\n"
    "  id-kp-OCSPSigning). Exit 0 good; 7 (pki) revoked or unknown; errors by domain.\n"
    "  With --db PATH (or MADOGUCHI_DB) [--passphrase-file F] [--operator ID] [--role R], the result is\n"
    "  recorded in that registry's audit log.");

// PEM is base64 of the DER between the armour lines (RFC 7468 §2); anything else is taken as DER.
core::Result<QByteArray> readCertificate(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::Io, QStringLiteral("%1: %2").arg(path, file.errorString()));
    }
    const QByteArray data = file.read(1 << 20);
    const QByteArray begin = "-----BEGIN CERTIFICATE-----";
    const qsizetype start = data.indexOf(begin);
    if (start < 0) {
        return data;
    }
    const qsizetype end = data.indexOf("-----END CERTIFICATE-----", start);
    if (end < 0) {
        return core::fail(core::Errc::MalformedInput, QStringLiteral("%1: unterminated PEM block").arg(path));
    }
    const auto decoded = QByteArray::fromBase64Encoding(
        data.mid(start + begin.size(), end - start - begin.size()).simplified().replace(' ', ""),
        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return core::fail(core::Errc::MalformedInput, QStringLiteral("%1: bad base64 in PEM block").arg(path));
    }
    return *decoded;
}

QString isoOrEmpty(const QDateTime& time)
{
    return time.isValid() ? time.toString(Qt::ISODate) : QString();
}

QJsonObject toJson(const pki::RevocationStatus& status)
{
    QJsonObject object{{QStringLiteral("ok"), true},
                       {QStringLiteral("status"), pki::certStatusName(status.status)},
                       {QStringLiteral("responder"), status.sourceName},
                       {QStringLiteral("producedAt"), isoOrEmpty(status.producedAt)},
                       {QStringLiteral("thisUpdate"), isoOrEmpty(status.thisUpdate)},
                       {QStringLiteral("nextUpdate"), isoOrEmpty(status.nextUpdate)},
                       {QStringLiteral("fromCache"), status.fromCache},
                       {QStringLiteral("checks"), QJsonArray::fromStringList(status.checks)}};
    if (status.status == pki::CertStatus::Revoked) {
        const int reason = status.reasonCode.value_or(0);
        object.insert(QStringLiteral("reasonCode"), reason);
        object.insert(QStringLiteral("reason"), pki::reasonName(reason));
        object.insert(QStringLiteral("revocationTime"), isoOrEmpty(status.revocationTime));
    }
    return object;
}

void printText(CliIo& io, const pki::RevocationStatus& status)
{
    io.out() << "status: " << pki::certStatusName(status.status) << '\n';
    if (status.status == pki::CertStatus::Revoked) {
        const int reason = status.reasonCode.value_or(0);
        io.out() << "reason: " << pki::reasonName(reason) << " (" << reason << ")\n"
                 << "revoked at: " << isoOrEmpty(status.revocationTime) << '\n';
    }
    io.out() << "responder: " << status.sourceName << '\n'
             << "produced at: " << isoOrEmpty(status.producedAt) << '\n'
             << "this update: " << isoOrEmpty(status.thisUpdate) << '\n'
             << "next update: " << isoOrEmpty(status.nextUpdate) << '\n'
             << "checks:\n";
    for (const QString& check : status.checks) {
        io.out() << "  - " << check << '\n';
    }
    io.out().flush();
}

int runCheck(CliIo& io)
{
    QCommandLineParser parser;
    const QCommandLineOption cert(QStringLiteral("cert"), QStringLiteral("certificate"), QStringLiteral("CERT"));
    const QCommandLineOption issuer(QStringLiteral("issuer"), QStringLiteral("issuing CA"), QStringLiteral("CA"));
    const QCommandLineOption url(QStringLiteral("url"), QStringLiteral("responder URL"), QStringLiteral("URL"));
    const QCommandLineOption signer(QStringLiteral("signer-cert"), QStringLiteral("responder cert"),
                                    QStringLiteral("X"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("milliseconds"), QStringLiteral("MS"),
                                     QStringLiteral("10000"));
    // Where the result is recorded, if anywhere (RegistryAudit.h); read from the raw arguments there.
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("registry"), QStringLiteral("PATH"));
    const QCommandLineOption passphrase(QStringLiteral("passphrase-file"), QStringLiteral("passphrase"),
                                        QStringLiteral("F"));
    const QCommandLineOption who(QStringLiteral("operator"), QStringLiteral("operator"), QStringLiteral("ID"));
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("role"), QStringLiteral("ROLE"));
    parser.addOptions({cert, issuer, url, signer, timeout, db, passphrase, who, role});
    if (!parser.parse(QStringList{QStringLiteral("ocsp")} + io.args()) || !parser.isSet(cert) ||
        !parser.isSet(issuer) || !parser.isSet(url) || parser.positionalArguments().size() != 1) {
        return io.usageError(parser.errorText().isEmpty() ? Usage : parser.errorText());
    }
    pki::RevocationQuery query;
    query.ocspUrl = QUrl(parser.value(url));
    pki::OcspClientOptions options;
    bool timeoutOk = false;
    options.timeoutMs = parser.value(timeout).toInt(&timeoutOk);
    if (!timeoutOk || options.timeoutMs <= 0) {
        return io.usageError(QStringLiteral("--timeout needs a positive number of milliseconds"));
    }
    auto certDer = readCertificate(parser.value(cert));
    auto issuerDer = certDer ? readCertificate(parser.value(issuer)) : certDer;
    if (!certDer || !issuerDer) {
        return io.reportError(certDer ? issuerDer.error() : certDer.error());
    }
    query.certDer = *certDer;
    query.issuerDer = *issuerDer;
    if (parser.isSet(signer)) {
        auto signerDer = readCertificate(parser.value(signer));
        if (!signerDer) {
            return io.reportError(signerDer.error());
        }
        options.signerCandidates.append(*signerDer);
    }
    const core::SystemClock clock;
    pki::OcspSource source(clock, nullptr, options);
    const auto status = source.statusOf(query);
    if (!status) {
        return io.reportError(status.error());
    }
    QJsonObject result{{QStringLiteral("source"), QStringLiteral("ocsp")},
                       {QStringLiteral("status"), pki::certStatusName(status->status)},
                       {QStringLiteral("responder"), status->sourceName}};
    if (status->reasonCode) {
        result.insert(QStringLiteral("reason"), *status->reasonCode);
    }
    const auto parsed = pki::JpkiCertificate::parse(*certDer);
    recordInRegistry(io, QStringLiteral("revocation.check"),
                     parsed
                         ? QStringLiteral("card:") +
                               store::CardIdentity{parsed->identity().issuerKeyId, parsed->identity().serial}.toString()
                         : QStringLiteral("cert:unparsed"),
                     result);
    if (io.json()) {
        io.printJson(toJson(*status));
    } else {
        printText(io, *status);
    }
    // Only "good" is success: revoked and unknown both mean "do not rely on this certificate".
    return status->status == pki::CertStatus::Good ? ExitOk : ExitPki;
}

} // namespace

CommandGroup ocspCommands()
{
    return {QStringLiteral("ocsp"), QStringLiteral("ask an OCSP responder about a certificate (check)"), Usage,
            [](CliIo& io) {
                if (io.args().value(0) == QStringLiteral("check")) {
                    return runCheck(io);
                }
                return io.usageError(Usage);
            }};
}

} // namespace madoguchi::cli
