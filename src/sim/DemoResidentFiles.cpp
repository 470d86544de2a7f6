#include "sim/DemoResidentFiles.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <utility>

namespace madoguchi::sim {

namespace {

using pki::DemoCardKind;
using pki::DemoResident;

// Manifest key and file name of each DER blob.
struct BlobField
{
    const char* key;
    const char* file;
    QByteArray DemoResident::*member;
};

const std::array<BlobField, 6> BlobFields{{
    {"authCert", "auth-cert.der", &DemoResident::authCertDer},
    {"authCaCert", "auth-ca-cert.der", &DemoResident::authCaCertDer},
    {"authKey", "auth-key.p8.der", &DemoResident::authKeyPkcs8Der},
    {"signCert", "sign-cert.der", &DemoResident::signCertDer},
    {"signCaCert", "sign-ca-cert.der", &DemoResident::signCaCertDer},
    {"signKey", "sign-key.p8.der", &DemoResident::signKeyPkcs8Der},
}};

const std::array<std::pair<DemoCardKind, const char*>, 4> KindNames{{
    {DemoCardKind::MyNumberCard, "my-number-card"},
    {DemoCardKind::JukiCard, "juki-card"},
    {DemoCardKind::Smartphone, "smartphone"},
    {DemoCardKind::FaceAuthCard, "face-auth-card"},
}};

core::Result<void> writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) || file.write(bytes) != bytes.size()) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    }
    return {};
}

core::Result<QByteArray> readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    }
    return file.readAll();
}

QJsonValue pinToJson(const std::optional<pki::DemoPin>& pin)
{
    if (!pin) {
        return QJsonValue::Null;
    }
    return QJsonObject{{QStringLiteral("value"), QString::fromLatin1(pin->value)},
                       {QStringLiteral("triesLeft"), pin->triesLeft},
                       {QStringLiteral("maxTries"), pin->maxTries}};
}

std::optional<pki::DemoPin> pinFromJson(const QJsonValue& value)
{
    if (!value.isObject()) {
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    return pki::DemoPin{o.value(QStringLiteral("value")).toString().toLatin1(),
                        o.value(QStringLiteral("triesLeft")).toInt(3), o.value(QStringLiteral("maxTries")).toInt(3)};
}

QJsonObject manifest(const DemoResident& r)
{
    QJsonObject files;
    for (const auto& field : BlobFields) {
        if (!(r.*field.member).isEmpty()) {
            files.insert(QString::fromLatin1(field.key), QString::fromLatin1(field.file));
        }
    }
    return QJsonObject{
        {QStringLiteral("format"), 1},
        {QStringLiteral("id"), r.id},
        {QStringLiteral("description"), r.description},
        {QStringLiteral("kind"), DemoResidentFiles::kindName(r.kind)},
        {QStringLiteral("files"), files},
        {QStringLiteral("authPin"), pinToJson(r.authPin)},
        {QStringLiteral("signPin"), pinToJson(r.signPin)},
        {QStringLiteral("textPin"), pinToJson(r.textPin)},
        {QStringLiteral("facts"), QJsonObject{{QStringLiteral("name"), r.facts.name},
                                              {QStringLiteral("address"), r.facts.address},
                                              {QStringLiteral("birthDate"), r.facts.birthDate},
                                              {QStringLiteral("sex"), r.facts.sex}}},
        {QStringLiteral("testIndividualNumber"), QString::fromLatin1(r.testIndividualNumber)},
    };
}

core::Result<QJsonObject> readManifest(const QDir& base)
{
    const QString path = base.filePath(QString::fromLatin1(DemoResidentFiles::ManifestName));
    auto json = readFile(path);
    if (!json) {
        return core::fail(json.error());
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*json, &parseError);
    if (!doc.isObject() || doc.object().value(QStringLiteral("format")).toInt() != 1) {
        return core::fail(
            core::Errc::MalformedInput,
            QStringLiteral("%1 is not a format-1 resident manifest: %2").arg(path, parseError.errorString()));
    }
    return doc.object();
}

core::Result<void> readBlobs(const QDir& base, const QJsonObject& files, DemoResident& r)
{
    for (const auto& field : BlobFields) {
        const QString name = files.value(QString::fromLatin1(field.key)).toString();
        if (name.isEmpty()) {
            continue;
        }
        // Plain names only: a manifest must not make the simulator read files outside its directory.
        if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))) {
            return core::fail(core::Errc::MalformedInput, QStringLiteral("file names must be plain: %1").arg(name));
        }
        auto blob = readFile(base.filePath(name));
        if (!blob) {
            return core::fail(blob.error());
        }
        r.*field.member = *blob;
    }
    return {};
}

} // namespace

QString DemoResidentFiles::kindName(DemoCardKind kind)
{
    for (const auto& [k, name] : KindNames) {
        if (k == kind) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

core::Result<DemoCardKind> DemoResidentFiles::kindFromName(const QString& name)
{
    for (const auto& [k, n] : KindNames) {
        if (name == QLatin1String(n)) {
            return k;
        }
    }
    return core::fail(core::Errc::MalformedInput, QStringLiteral("unknown card kind \"%1\"").arg(name));
}

core::Result<void> DemoResidentFiles::save(const DemoResident& resident, const QString& dir)
{
    if (!QDir().mkpath(dir)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot create %1").arg(dir));
    }
    const QDir base(dir);
    for (const auto& field : BlobFields) {
        const QByteArray& blob = resident.*field.member;
        if (blob.isEmpty()) {
            continue;
        }
        if (auto ok = writeFile(base.filePath(QString::fromLatin1(field.file)), blob); !ok) {
            return ok;
        }
    }
    const QByteArray json = QJsonDocument(manifest(resident)).toJson(QJsonDocument::Indented);
    return writeFile(base.filePath(QString::fromLatin1(ManifestName)), json);
}

core::Result<DemoResident> DemoResidentFiles::load(const QString& dir)
{
    const QDir base(dir);
    auto manifest = readManifest(base);
    if (!manifest) {
        return core::fail(manifest.error());
    }
    const QJsonObject& o = *manifest;
    auto kind = kindFromName(o.value(QStringLiteral("kind")).toString());
    if (!kind) {
        return core::fail(kind.error());
    }
    DemoResident r;
    r.id = o.value(QStringLiteral("id")).toString();
    r.description = o.value(QStringLiteral("description")).toString();
    r.kind = *kind;
    if (auto ok = readBlobs(base, o.value(QStringLiteral("files")).toObject(), r); !ok) {
        return core::fail(ok.error());
    }
    r.authPin = pinFromJson(o.value(QStringLiteral("authPin")));
    r.signPin = pinFromJson(o.value(QStringLiteral("signPin")));
    r.textPin = pinFromJson(o.value(QStringLiteral("textPin")));
    const QJsonObject facts = o.value(QStringLiteral("facts")).toObject();
    r.facts = {facts.value(QStringLiteral("name")).toString(), facts.value(QStringLiteral("address")).toString(),
               facts.value(QStringLiteral("birthDate")).toString(), facts.value(QStringLiteral("sex")).toString()};
    r.testIndividualNumber = o.value(QStringLiteral("testIndividualNumber")).toString().toLatin1();
    return r;
}

} // namespace madoguchi::sim
