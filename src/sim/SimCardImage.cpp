#include "sim/SimCardImage.h"

#include "sim/SimTlv.h"

#include <QCryptographicHash>

namespace madoguchi::sim {

namespace {

using pki::DemoCardKind;

// jpki-card.md §1 and §2/§3.
const QByteArray JpkiAid = QByteArray::fromHex("D392F000260100000001");
const QByteArray TextAid = QByteArray::fromHex("D3921000310001010408");
const QByteArray VisualAid = QByteArray::fromHex("D3921000310001010402");

// SHA-256 DigestInfo prefix (jpki-card.md §4; RFC 8017 §9.2 note 1).
const QByteArray Sha256DigestInfoPrefix = QByteArray::fromHex("3031300D060960864801650304020105000420");

QByteArray padded(QByteArray content, int efSize, char padding)
{
    // A DER object larger than the usual EF gets a larger EF (rounded to 256) rather than being cut.
    const qsizetype size = content.size() <= efSize ? efSize : (content.size() + 0xFF) & ~qsizetype(0xFF);
    content.append(size - content.size(), padding);
    return content;
}

SimEf binaryEf(QByteArray content, int efSize, char padding, quint16 accessPin = 0)
{
    SimEf ef;
    ef.content = padded(std::move(content), efSize, padding);
    ef.accessPin = accessPin;
    return ef;
}

SimEf pinEf(const pki::DemoPin& pin)
{
    SimEf ef;
    ef.kind = SimEf::Kind::Pin;
    ef.pin = SimPin{core::SecureBytes(QByteArrayView(pin.value)), pin.triesLeft, pin.maxTries};
    return ef;
}

core::Result<SimEf> keyEf(const QByteArray& pkcs8, quint16 accessPin)
{
    SimEf ef;
    ef.kind = SimEf::Kind::Key;
    ef.accessPin = accessPin;
    if (!pkcs8.isEmpty()) {
        auto key = SimRsaKey::fromPkcs8(pkcs8);
        if (!key) {
            return core::fail(key.error());
        }
        ef.key = std::make_shared<const SimRsaKey>(std::move(*key));
    }
    return ef;
}

QByteArray tokenFor(DemoCardKind kind)
{
    switch (kind) {
    case DemoCardKind::JukiCard:
        return QByteArrayLiteral("JPKIAPICCTOKEN");
    case DemoCardKind::Smartphone:
        return QByteArrayLiteral("JPKIAPGPSETOKEN");
    case DemoCardKind::MyNumberCard:
    case DemoCardKind::FaceAuthCard:
        break;
    }
    return QByteArrayLiteral("JPKIAPICCTOKEN2");
}

core::Result<void> buildJpkiAp(SimApplet& ap, const pki::DemoResident& r)
{
    ap.aid = JpkiAid;
    const bool faceAuth = r.kind == DemoCardKind::FaceAuthCard;
    ap.efs[0x0006] = binaryEf(tokenFor(r.kind), SimCardImage::TokenEfSize, SimCardImage::TokenPadding);
    ap.efs[0x000A] = binaryEf(r.authCertDer, SimCardImage::CertEfSize, SimCardImage::CertPadding);
    if (!r.authCaCertDer.isEmpty()) {
        ap.efs[0x000B] = binaryEf(r.authCaCertDer, SimCardImage::CertEfSize, SimCardImage::CertPadding);
    }
    if (!r.signCaCertDer.isEmpty()) {
        ap.efs[0x0002] = binaryEf(r.signCaCertDer, SimCardImage::CertEfSize, SimCardImage::CertPadding);
    }
    // A face-authentication card keeps its auth key but cannot sign with it here: no PIN to unlock it.
    auto authKey = keyEf(faceAuth ? QByteArray() : r.authKeyPkcs8Der, 0x0018);
    if (!authKey) {
        return core::fail(authKey.error());
    }
    ap.efs[0x0017] = std::move(*authKey);
    if (faceAuth) {
        return {}; // jpki-card.md §4: no PINs and no signing cert
    }
    if (r.authPin) {
        ap.efs[0x0018] = pinEf(*r.authPin);
    }
    if (!r.signCertDer.isEmpty()) {
        ap.efs[0x0001] = binaryEf(r.signCertDer, SimCardImage::SignCertEfSize, SimCardImage::CertPadding, 0x001B);
        auto signKey = keyEf(r.signKeyPkcs8Der, 0x001B);
        if (!signKey) {
            return core::fail(signKey.error());
        }
        ap.efs[0x001A] = std::move(*signKey);
        if (r.signPin) {
            ap.efs[0x001B] = pinEf(*r.signPin);
        }
    }
    return {};
}

QByteArray basicFacts(const pki::DemoBasicFacts& f)
{
    // DF21 is an opaque header on real cards; its content is not documented (jpki-card.md §3).
    QByteArray body = SimTlv::encode(0xDF21, QByteArray::fromHex("0B0C0D0E0F101112131415161718191A1B"));
    body += SimTlv::encode(0xDF22, f.name.toUtf8());
    body += SimTlv::encode(0xDF23, f.address.toUtf8());
    body += SimTlv::encode(0xDF24, f.birthDate.toUtf8());
    body += SimTlv::encode(0xDF25, f.sex.toUtf8());
    return SimTlv::encode(0xFF20, body);
}

QByteArray textDigests(const QByteArray& myNumberTlv, const QByteArray& factsTlv, const SimEf& authKey)
{
    const QByteArray d1 = QCryptographicHash::hash(myNumberTlv, QCryptographicHash::Sha256);
    const QByteArray d2 = QCryptographicHash::hash(factsTlv, QCryptographicHash::Sha256);
    // The real DF33 is J-LIS's signature; the card's own key stands in for it here.
    QByteArray signature(256, '\0');
    if (authKey.key) {
        const QByteArray digest = QCryptographicHash::hash(d1 + d2, QCryptographicHash::Sha256);
        if (auto sig = authKey.key->sign(Sha256DigestInfoPrefix + digest)) {
            signature = *sig;
        }
    }
    return SimTlv::encode(0xFF30,
                          SimTlv::encode(0xDF31, d1) + SimTlv::encode(0xDF32, d2) + SimTlv::encode(0xDF33, signature));
}

void buildTextAp(SimApplet& ap, const pki::DemoResident& r, const SimEf& authKey)
{
    ap.aid = TextAid;
    if (r.textPin && r.kind != DemoCardKind::FaceAuthCard) {
        ap.efs[0x0011] = pinEf(*r.textPin);
    }
    const QByteArray myNumber = SimTlv::encode(0xDF10, r.testIndividualNumber);
    const QByteArray facts = basicFacts(r.facts);
    const char pad = SimCardImage::TextPadding;
    ap.efs[0x0001] = binaryEf(myNumber, SimCardImage::MyNumberEfSize, pad, 0x0011);
    ap.efs[0x0002] = binaryEf(facts, SimCardImage::BasicFactsEfSize, pad, 0x0011);
    ap.efs[0x0003] = binaryEf(textDigests(myNumber, facts, authKey), SimCardImage::TextDigestEfSize, pad, 0x0011);
}

} // namespace

core::Result<SimCardImage> SimCardImage::fromResident(const pki::DemoResident& resident)
{
    if (resident.authCertDer.isEmpty()) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("demo resident has no auth certificate"));
    }
    SimCardImage image;
    if (auto ok = buildJpkiAp(image.applet(SimAp::Jpki), resident); !ok) {
        return core::fail(ok.error());
    }
    // The text AP's stand-in signature uses the auth key even on a face-auth card, so load it apart.
    auto authKey = keyEf(resident.authKeyPkcs8Der, 0);
    if (!authKey) {
        return core::fail(authKey.error());
    }
    buildTextAp(image.applet(SimAp::Text), resident, *authKey);
    image.applet(SimAp::Visual).aid = VisualAid; // card-face images are not simulated
    return image;
}

} // namespace madoguchi::sim
