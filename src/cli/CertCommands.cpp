// `madoguchi-cli cert show FILE [--show-personal]`: a JPKI certificate as Madoguchi reads it.
#include "cli/Groups.h"

#include "pki/JpkiCertificate.h"

#include <QFile>
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

} // namespace

CommandGroup certCommands()
{
    return {QStringLiteral("cert"), QStringLiteral("inspect JPKI certificates (show)"),
            QStringLiteral("madoguchi-cli [--json] cert show FILE [--show-personal]\n"
                           "  FILE: DER or PEM. Prints identity, validity, kind and policy; a signing cert's\n"
                           "  personal data only with --show-personal."),
            [](CliIo& io) {
                if (io.args().first() == QStringLiteral("show")) {
                    return show(io);
                }
                return io.usageError(QStringLiteral("unknown verb ") + io.args().first());
            }};
}

} // namespace madoguchi::cli
