// `madoguchi-cli cert show FILE [--show-personal]`: a JPKI certificate as Madoguchi reads it.
#include "cli/Groups.h"
#include "cli/RegistryAudit.h"

#include "core/Clock.h"
#include "pki/CertificateValidator.h"
#include "pki/DemoSet.h"
#include "pki/JpkiCertificate.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

namespace madoguchi::cli {

namespace {

QString kindName(pki::JpkiCertificateKind kind)
{
    return kind == pki::JpkiCertificateKind::Auth ? QStringLiteral("auth") : QStringLiteral("sign");
}

QJsonObject personalJson(const pki::JpkiPersonalData& p)
{
    return {{QStringLiteral("name"), p.name},
            {QStringLiteral("nameFlags"), p.nameFlags},
            {QStringLiteral("sex"), p.sex},
            {QStringLiteral("eraDigit"), p.eraDigit},
            {QStringLiteral("birthDate"), p.birthDate.toString(Qt::ISODate)},
            {QStringLiteral("address"), p.address},
            {QStringLiteral("addressFlags"), p.addressFlags}};
}

QJsonObject certJson(const pki::JpkiCertificate& cert, bool showPersonal)
{
    QJsonObject object{{QStringLiteral("ok"), true},
                       {QStringLiteral("kind"), kindName(cert.kind())},
                       {QStringLiteral("identity"), cert.identity().toString()},
                       {QStringLiteral("issuerKeyId"), QString::fromLatin1(cert.identity().issuerKeyId.toHex())},
                       {QStringLiteral("serial"), QString::fromLatin1(cert.identity().serial.toHex())},
                       {QStringLiteral("issuer"), cert.issuer()},
                       {QStringLiteral("notBefore"), cert.notBefore().toString(Qt::ISODate)},
                       {QStringLiteral("notAfter"), cert.notAfter().toString(Qt::ISODate)},
                       {QStringLiteral("policy"), cert.policyOid()},
                       {QStringLiteral("testEnvironmentPolicy"), cert.isTestEnvironmentPolicy()},
                       {QStringLiteral("personalDataPresent"), cert.personalData().has_value()}};
    // A signing cert's subject names the prefecture and city: personal data too.
    if (cert.kind() == pki::JpkiCertificateKind::Auth || showPersonal) {
        object.insert(QStringLiteral("subject"), cert.subject());
    }
    if (showPersonal && cert.personalData()) {
        object.insert(QStringLiteral("personal"), personalJson(*cert.personalData()));
    }
    return object;
}

void printText(QTextStream& out, const pki::JpkiCertificate& cert, bool showPersonal)
{
    out << "kind:      " << kindName(cert.kind()) << (cert.isTestEnvironmentPolicy() ? " (J-LIS TEST ENVIRONMENT)" : "")
        << '\n'
        << "identity:  " << cert.identity().toString() << '\n'
        << "issuer:    " << cert.issuer() << '\n'
        << "validity:  " << cert.notBefore().toString(Qt::ISODate) << " → " << cert.notAfter().toString(Qt::ISODate)
        << '\n'
        << "policy:    " << cert.policyOid() << '\n';
    if (cert.kind() == pki::JpkiCertificateKind::Auth || showPersonal) {
        out << "subject:   " << cert.subject() << '\n';
    }
    if (!cert.personalData()) {
        out << "personal data: none\n";
    } else if (!showPersonal) {
        out << "personal data: present (name, sex, birth date, address) — not shown; use --show-personal\n";
    } else {
        const pki::JpkiPersonalData& p = *cert.personalData();
        out << "name:      " << p.name << "  (flags " << p.nameFlags << ")\n"
            << "sex:       " << p.sex << '\n'
            << "birth:     " << p.birthDate.toString(Qt::ISODate) << " (era digit " << p.eraDigit << ")\n"
            << "address:   " << p.address << "  (flags " << p.addressFlags << ")\n";
    }
}

int show(CliIo& io)
{
    QStringList args = io.args().mid(1);
    const bool showPersonal = args.removeAll(QStringLiteral("--show-personal")) > 0;
    if (args.size() != 1) {
        return io.usageError(QStringLiteral("cert show FILE [--show-personal]"));
    }
    QFile file(args.first());
    if (!file.open(QIODevice::ReadOnly)) {
        return io.reportError(core::Error{core::Errc::NotFound, QStringLiteral("cannot read ") + args.first(), 0});
    }
    auto cert = pki::JpkiCertificate::parse(file.readAll());
    if (!cert) {
        return io.reportError(cert.error());
    }
    if (io.json()) {
        io.printJson(certJson(*cert, showPersonal));
    } else {
        printText(io.out(), *cert, showPersonal);
    }
    return ExitOk;
}

// Options shared by verify and install-anchor; returns a usage problem or empty.
struct TrustArgs
{
    QString file;
    QString demoDir;
    QString anchorsPath;
    QDateTime now;
    std::optional<pki::JpkiCertificateKind> kind;
};

QString parseTrustArgs(const QStringList& args, TrustArgs& parsed)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (!arg.startsWith(QStringLiteral("--"))) {
            parsed.file = arg;
            continue;
        }
        if (i + 1 >= args.size()) {
            return QStringLiteral("missing value for ") + arg;
        }
        const QString value = args.at(++i);
        if (arg == QStringLiteral("--demo")) {
            parsed.demoDir = value;
        } else if (arg == QStringLiteral("--anchors")) {
            parsed.anchorsPath = value;
        } else if (arg == QStringLiteral("--db") || arg == QStringLiteral("--passphrase-file") ||
                   arg == QStringLiteral("--operator") || arg == QStringLiteral("--role")) {
            continue; // where install-anchor is recorded: read by recordInRegistry()
        } else if (arg == QStringLiteral("--now")) {
            parsed.now = QDateTime::fromString(value, Qt::ISODate);
            if (!parsed.now.isValid()) {
                return QStringLiteral("--now wants an ISO 8601 date-time");
            }
        } else if (arg == QStringLiteral("--kind") &&
                   (value == QStringLiteral("auth") || value == QStringLiteral("sign"))) {
            parsed.kind =
                value == QStringLiteral("auth") ? pki::JpkiCertificateKind::Auth : pki::JpkiCertificateKind::Sign;
        } else {
            return QStringLiteral("unknown option ") + arg;
        }
    }
    return parsed.file.isEmpty() ? QStringLiteral("FILE is required") : QString();
}

// Production trust, or training trust with the demo set's TEST roots when --demo DIR is given.
core::Result<pki::TrustStore> trustStoreFor(const TrustArgs& args)
{
    auto store = pki::TrustStore::load(args.demoDir.isEmpty() ? pki::TrustMode::Production : pki::TrustMode::Training,
                                       args.anchorsPath);
    if (!store || args.demoDir.isEmpty()) {
        return store;
    }
    auto demo = pki::DemoSet::loadFrom(args.demoDir);
    if (!demo) {
        return core::fail(demo.error());
    }
    for (const QByteArray& ca : {demo->authCaCertDer, demo->signCaCertDer}) {
        if (auto added = store->addTestAnchor(ca); !added) {
            return core::fail(added.error());
        }
    }
    return store;
}

int verify(CliIo& io)
{
    TrustArgs args;
    if (const QString problem = parseTrustArgs(io.args(), args); !problem.isEmpty()) {
        return io.usageError(problem);
    }
    QFile file(args.file);
    if (!file.open(QIODevice::ReadOnly)) {
        return io.reportError(core::Error{core::Errc::NotFound, QStringLiteral("cannot read ") + args.file, 0});
    }
    auto store = trustStoreFor(args);
    if (!store) {
        return io.reportError(store.error());
    }
    const core::SystemClock systemClock;
    const core::FixedClock fixedClock(args.now);
    const core::Clock& clock = args.now.isValid() ? static_cast<const core::Clock&>(fixedClock) : systemClock;
    auto result = pki::CertificateValidator(*store, clock).validate(file.readAll(), args.kind);
    if (!result) {
        return io.reportError(result.error());
    }
    if (io.json()) {
        io.printJson({{QStringLiteral("ok"), true},
                      {QStringLiteral("identity"), result->certificate.identity().toString()},
                      {QStringLiteral("kind"), kindName(result->certificate.kind())},
                      {QStringLiteral("anchor"), result->anchor.subject},
                      {QStringLiteral("anchorKeyId"), QString::fromLatin1(result->anchor.keyId.toHex())},
                      {QStringLiteral("testPki"), result->testPki},
                      {QStringLiteral("testEnvironmentPolicy"), result->testEnvironment}});
        return ExitOk;
    }
    io.out() << (result->testPki ? "*** TEST PKI ***\n" : "") << "valid: " << kindName(result->certificate.kind())
             << " certificate " << result->certificate.identity().toString() << "\nanchor: " << result->anchor.subject
             << " (key id " << QString::fromLatin1(result->anchor.keyId.toHex()) << ")\n"
             << "revocation: not checked here (crl check / ocsp check)\n";
    return ExitOk;
}

int installAnchor(CliIo& io)
{
    TrustArgs args;
    if (const QString problem = parseTrustArgs(io.args(), args); !problem.isEmpty() || args.anchorsPath.isEmpty()) {
        return io.usageError(problem.isEmpty() ? QStringLiteral("--anchors PATH is required") : problem);
    }
    auto store = pki::TrustStore::load(pki::TrustMode::Production, args.anchorsPath);
    auto added = store ? store->installAnchorsFromFile(args.file) : core::Result<int>(core::fail(store.error()));
    if (!added) {
        return io.reportError(added.error());
    }
    recordInRegistry(io, QStringLiteral("config.trust_store"), QStringLiteral("anchors:") + args.anchorsPath,
                     {{QStringLiteral("added"), *added}, {QStringLiteral("from"), QFileInfo(args.file).fileName()}});
    if (io.json()) {
        io.printJson({{QStringLiteral("ok"), true}, {QStringLiteral("added"), *added}});
    } else {
        io.out() << "trust anchors added: " << *added << " (stored in " << args.anchorsPath << ")\n";
    }
    return ExitOk;
}

} // namespace

CommandGroup certCommands()
{
    return {QStringLiteral("cert"),
            QStringLiteral("inspect and verify JPKI certificates (show, verify, install-anchor)"),
            QStringLiteral("madoguchi-cli [--json] cert show FILE [--show-personal]\n"
                           "  FILE: DER or PEM. Prints identity, validity, kind and policy; a signing cert's\n"
                           "  personal data only with --show-personal.\n"
                           "madoguchi-cli [--json] cert verify FILE [--kind auth|sign] [--anchors PATH] [--demo DIR]"
                           " [--now ISO8601]\n"
                           "  chain, signature, validity, key usage, policy. --demo DIR: training mode, trusting the\n"
                           "  demo set's TEST PKI roots (testpki generate).\n"
                           "madoguchi-cli [--json] cert install-anchor FILE --anchors PATH\n"
                           "  an administrator adds self-signed CA certificates (PEM/DER) to the anchors at PATH;\n"
                           "  with --db PATH (or MADOGUCHI_DB) it is recorded in that registry's audit log."),
            [](CliIo& io) {
                const QString verb = io.args().first();
                if (verb == QStringLiteral("show")) {
                    return show(io);
                }
                if (verb == QStringLiteral("verify")) {
                    return verify(io);
                }
                if (verb == QStringLiteral("install-anchor")) {
                    return installAnchor(io);
                }
                return io.usageError(QStringLiteral("unknown verb ") + io.args().first());
            }};
}

} // namespace madoguchi::cli
