// DemoSet::saveTo / loadFrom: DER files + manifest.json, and the files `openssl ocsp` serves.
#include "pki/DemoSet.h"

#include "pki/OpenSsl.h"
#include "pki/ResponderIndex.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace madoguchi::pki {

namespace {

constexpr int ManifestFormat = 1;

core::Result<void> writeFile(const QDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot create the directory of ") + path);
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot write ") + path);
    }
    return {};
}

core::Result<QByteArray> readFile(const QDir& dir, const QString& name)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::NotFound, QStringLiteral("cannot read ") + file.fileName());
    }
    return file.readAll();
}

// Fixed file names of the set-wide items, in the manifest's order.
struct SetFile
{
    const char* name;
    QByteArray DemoSet::*member;
};

constexpr SetFile SetFiles[] = {
    {"auth-ca.der", &DemoSet::authCaCertDer},
    {"sign-ca.der", &DemoSet::signCaCertDer},
    {"auth-ca-key.p8.der", &DemoSet::authCaKeyPkcs8Der},
    {"sign-ca-key.p8.der", &DemoSet::signCaKeyPkcs8Der},
    {"auth.crl", &DemoSet::authCrlDer},
    {"sign.crl", &DemoSet::signCrlDer},
    {"auth-ocsp.der", &DemoSet::authOcspSignerCertDer},
    {"auth-ocsp-key.p8.der", &DemoSet::authOcspSignerKeyPkcs8Der},
    {"sign-ocsp.der", &DemoSet::signOcspSignerCertDer},
    {"sign-ocsp-key.p8.der", &DemoSet::signOcspSignerKeyPkcs8Der},
};

struct ResidentFile
{
    const char* name;
    QByteArray DemoResident::*member;
};

constexpr ResidentFile ResidentFiles[] = {
    {"auth.der", &DemoResident::authCertDer},
    {"auth-key.p8.der", &DemoResident::authKeyPkcs8Der},
    {"sign.der", &DemoResident::signCertDer},
    {"sign-key.p8.der", &DemoResident::signKeyPkcs8Der},
};

QString kindName(DemoCardKind kind)
{
    switch (kind) {
    case DemoCardKind::MyNumberCard:
        return QStringLiteral("my-number-card");
    case DemoCardKind::JukiCard:
        return QStringLiteral("juki-card");
    case DemoCardKind::Smartphone:
        return QStringLiteral("smartphone");
    case DemoCardKind::FaceAuthCard:
        return QStringLiteral("face-auth-card");
    }
    return {};
}

std::optional<DemoCardKind> kindFromName(const QString& name)
{
    for (const auto kind :
         {DemoCardKind::MyNumberCard, DemoCardKind::JukiCard, DemoCardKind::Smartphone, DemoCardKind::FaceAuthCard}) {
        if (kindName(kind) == name) {
            return kind;
        }
    }
    return std::nullopt;
}

QJsonValue pinToJson(const std::optional<DemoPin>& pin)
{
    if (!pin) {
        return QJsonValue::Null;
    }
    return QJsonObject{{QStringLiteral("value"), QString::fromLatin1(pin->value)},
                       {QStringLiteral("triesLeft"), pin->triesLeft},
                       {QStringLiteral("maxTries"), pin->maxTries}};
}

std::optional<DemoPin> pinFromJson(const QJsonValue& value)
{
    if (!value.isObject()) {
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    return DemoPin{o.value(QStringLiteral("value")).toString().toLatin1(), o.value(QStringLiteral("triesLeft")).toInt(),
                   o.value(QStringLiteral("maxTries")).toInt()};
}

QJsonObject residentToJson(const DemoResident& r)
{
    const QJsonObject facts{{QStringLiteral("name"), r.facts.name},
                            {QStringLiteral("address"), r.facts.address},
                            {QStringLiteral("birthDate"), r.facts.birthDate},
                            {QStringLiteral("sex"), r.facts.sex}};
    return QJsonObject{{QStringLiteral("id"), r.id},
                       {QStringLiteral("description"), r.description},
                       {QStringLiteral("kind"), kindName(r.kind)},
                       {QStringLiteral("authPin"), pinToJson(r.authPin)},
                       {QStringLiteral("signPin"), pinToJson(r.signPin)},
                       {QStringLiteral("textPin"), pinToJson(r.textPin)},
                       {QStringLiteral("facts"), facts},
                       {QStringLiteral("testIndividualNumber"), QString::fromLatin1(r.testIndividualNumber)}};
}

core::Result<DemoResident> residentFromJson(const QJsonObject& o, const QDir& dir, const DemoSet& set)
{
    DemoResident r;
    r.id = o.value(QStringLiteral("id")).toString();
    r.description = o.value(QStringLiteral("description")).toString();
    const auto kind = kindFromName(o.value(QStringLiteral("kind")).toString());
    if (r.id.isEmpty() || r.id.contains(QLatin1Char('/')) || !kind) {
        return core::fail(core::Errc::MalformedInput, QStringLiteral("demo manifest: bad resident entry"));
    }
    r.kind = *kind;
    r.authPin = pinFromJson(o.value(QStringLiteral("authPin")));
    r.signPin = pinFromJson(o.value(QStringLiteral("signPin")));
    r.textPin = pinFromJson(o.value(QStringLiteral("textPin")));
    const QJsonObject facts = o.value(QStringLiteral("facts")).toObject();
    r.facts = DemoBasicFacts{
        facts.value(QStringLiteral("name")).toString(), facts.value(QStringLiteral("address")).toString(),
        facts.value(QStringLiteral("birthDate")).toString(), facts.value(QStringLiteral("sex")).toString()};
    r.testIndividualNumber = o.value(QStringLiteral("testIndividualNumber")).toString().toLatin1();
    const QDir residentDir(dir.filePath(QStringLiteral("residents/") + r.id));
    for (const auto& file : ResidentFiles) {
        if (QFile::exists(residentDir.filePath(QString::fromLatin1(file.name)))) {
            auto bytes = readFile(residentDir, QString::fromLatin1(file.name));
            if (!bytes) {
                return core::fail(bytes.error());
            }
            r.*file.member = *bytes;
        }
    }
    r.authCaCertDer = set.authCaCertDer;
    r.signCaCertDer = r.signCertDer.isEmpty() ? QByteArray() : set.signCaCertDer;
    if (r.authCertDer.isEmpty()) {
        return core::fail(core::Errc::MalformedInput,
                          QStringLiteral("demo set: resident %1 has no auth cert").arg(r.id));
    }
    return r;
}

QJsonObject successionToJson(const DemoSuccession& s)
{
    return QJsonObject{{QStringLiteral("residentId"), s.residentId},
                       {QStringLiteral("issuerKeyId"), QString::fromLatin1(s.issuerKeyId.toHex())},
                       {QStringLiteral("oldSerial"), QString::fromLatin1(s.oldSerial.toHex())},
                       {QStringLiteral("newSerial"), QString::fromLatin1(s.newSerial.toHex())}};
}

QString successionFile(const DemoSuccession& s)
{
    return QStringLiteral("successions/") + QString::fromLatin1(s.oldSerial.toHex()) + QStringLiteral(".der");
}

core::Result<void> writeOcspFiles(const DemoSet& set, const QDir& dir);

} // namespace

namespace {

struct OcspHierarchy
{
    const char* name;
    const QByteArray& caDer;
    const QByteArray& signerDer;
    const QByteArray& signerKeyDer;
    const QByteArray& crlDer;
    std::vector<QByteArray> certs;
};

core::Result<void> writePem(const QDir& dir, const QString& name, const QByteArray& der)
{
    auto cert = ossl::certFromDer(der);
    if (!cert) {
        return core::fail(cert.error());
    }
    return writeFile(dir, name, ossl::certToPem(cert->get()));
}

core::Result<void> writeOcspHierarchy(const OcspHierarchy& h, const QDir& dir)
{
    const QString base = QStringLiteral("ocsp/") + QString::fromLatin1(h.name) + QLatin1Char('/');
    auto index = makeResponderIndex(h.certs, h.crlDer);
    auto key = ossl::privateKeyFromPkcs8Der(h.signerKeyDer);
    if (!index || !key) {
        return core::fail(!index ? index.error() : key.error());
    }
    auto keyPem = ossl::privateKeyToPem(key->get());
    if (!keyPem) {
        return core::fail(keyPem.error());
    }
    for (const auto& step : {writeFile(dir, base + QStringLiteral("index.txt"), *index),
                             writeFile(dir, base + QStringLiteral("index.txt.attr"), "unique_subject = no\n"),
                             writePem(dir, base + QStringLiteral("ca.pem"), h.caDer),
                             writePem(dir, base + QStringLiteral("signer.pem"), h.signerDer),
                             writeFile(dir, base + QStringLiteral("signer-key.pem"), *keyPem)}) {
        if (!step) {
            return step;
        }
    }
    return {};
}

core::Result<void> writeOcspFiles(const DemoSet& set, const QDir& dir)
{
    OcspHierarchy auth{
        "auth", set.authCaCertDer, set.authOcspSignerCertDer, set.authOcspSignerKeyPkcs8Der, set.authCrlDer, {}};
    OcspHierarchy sign{
        "sign", set.signCaCertDer, set.signOcspSignerCertDer, set.signOcspSignerKeyPkcs8Der, set.signCrlDer, {}};
    for (const auto& r : set.residents) {
        auth.certs.push_back(r.authCertDer);
        const QString base = QStringLiteral("residents/") + r.id + QLatin1Char('/');
        if (auto pem = writePem(dir, base + QStringLiteral("auth.pem"), r.authCertDer); !pem) {
            return pem;
        }
        if (!r.signCertDer.isEmpty()) {
            sign.certs.push_back(r.signCertDer);
            if (auto pem = writePem(dir, base + QStringLiteral("sign.pem"), r.signCertDer); !pem) {
                return pem;
            }
        }
    }
    for (const auto& s : set.successions) {
        auth.certs.push_back(s.oldAuthCertDer);
        QString pemName = successionFile(s);
        pemName.replace(QStringLiteral(".der"), QStringLiteral(".pem"));
        if (auto pem = writePem(dir, pemName, s.oldAuthCertDer); !pem) {
            return pem;
        }
    }
    if (auto written = writeOcspHierarchy(auth, dir); !written) {
        return written;
    }
    return writeOcspHierarchy(sign, dir);
}

} // namespace

core::Result<void> DemoSet::saveTo(const QString& directory) const
{
    const QDir dir(directory);
    for (const auto& file : SetFiles) {
        if (auto written = writeFile(dir, QString::fromLatin1(file.name), this->*file.member); !written) {
            return written;
        }
    }
    QJsonArray residentArray;
    for (const auto& r : residents) {
        residentArray.append(residentToJson(r));
        for (const auto& file : ResidentFiles) {
            const QByteArray& bytes = r.*file.member;
            const QString name =
                QStringLiteral("residents/") + r.id + QLatin1Char('/') + QString::fromLatin1(file.name);
            if (!bytes.isEmpty()) {
                if (auto written = writeFile(dir, name, bytes); !written) {
                    return written;
                }
            }
        }
    }
    QJsonArray successionArray;
    for (const auto& s : successions) {
        successionArray.append(successionToJson(s));
        if (auto written = writeFile(dir, successionFile(s), s.oldAuthCertDer); !written) {
            return written;
        }
    }
    const QJsonObject manifest{{QStringLiteral("format"), ManifestFormat},
                               {QStringLiteral("kind"), QStringLiteral("madoguchi-demo-set (TEST PKI)")},
                               {QStringLiteral("seed"), QString::number(seed)},
                               {QStringLiteral("now"), now.toString(Qt::ISODate)},
                               {QStringLiteral("residents"), residentArray},
                               {QStringLiteral("successions"), successionArray}};
    if (auto written = writeFile(dir, QStringLiteral("manifest.json"), QJsonDocument(manifest).toJson()); !written) {
        return written;
    }
    return writeOcspFiles(*this, dir);
}

core::Result<DemoSet> DemoSet::loadFrom(const QString& directory)
{
    const QDir dir(directory);
    auto manifestBytes = readFile(dir, QStringLiteral("manifest.json"));
    if (!manifestBytes) {
        return core::fail(manifestBytes.error());
    }
    const QJsonObject manifest = QJsonDocument::fromJson(*manifestBytes).object();
    if (manifest.value(QStringLiteral("format")).toInt() != ManifestFormat) {
        return core::fail(core::Errc::MalformedInput, QStringLiteral("demo set: unknown manifest format"));
    }
    DemoSet set;
    set.seed = manifest.value(QStringLiteral("seed")).toString().toULongLong();
    set.now = QDateTime::fromString(manifest.value(QStringLiteral("now")).toString(), Qt::ISODate).toUTC();
    for (const auto& file : SetFiles) {
        auto bytes = readFile(dir, QString::fromLatin1(file.name));
        if (!bytes) {
            return core::fail(bytes.error());
        }
        set.*file.member = *bytes;
    }
    for (const auto& value : manifest.value(QStringLiteral("residents")).toArray()) {
        auto resident = residentFromJson(value.toObject(), dir, set);
        if (!resident) {
            return core::fail(resident.error());
        }
        set.residents.push_back(std::move(*resident));
    }
    for (const auto& value : manifest.value(QStringLiteral("successions")).toArray()) {
        const QJsonObject o = value.toObject();
        DemoSuccession s{o.value(QStringLiteral("residentId")).toString(),
                         QByteArray::fromHex(o.value(QStringLiteral("issuerKeyId")).toString().toLatin1()),
                         QByteArray::fromHex(o.value(QStringLiteral("oldSerial")).toString().toLatin1()),
                         QByteArray::fromHex(o.value(QStringLiteral("newSerial")).toString().toLatin1()),
                         {}};
        auto old = readFile(dir, successionFile(s));
        if (!old) {
            return core::fail(old.error());
        }
        s.oldAuthCertDer = *old;
        set.successions.push_back(std::move(s));
    }
    return set;
}

} // namespace madoguchi::pki
