#include "pki/CrlParser.h"

#include "pki/CrlDerWalker.h"
#include "pki/CrlEntryReader.h"

#include <bit>
#include <cstring>

namespace madoguchi::pki {

namespace {

using core::Errc;
using core::Result;

constexpr quint8 TagInteger = 0x02, TagBitString = 0x03, TagOctetString = 0x04, TagOid = 0x06, TagUtcTime = 0x17,
                 TagGeneralizedTime = 0x18, TagSequence = 0x30, TagBoolean = 0x01, TagExtensions = 0xA0,
                 TagKeyIdentifier = 0x80;

// id-ce arcs (RFC 5280 §4.2, §5.2): content octets of 2.5.29.n are 55 1D n. Entry extensions: CrlEntryReader.
constexpr quint8 CeCrlNumber = 20, CeDeltaCrlIndicator = 27, CeIssuingDistributionPoint = 28, CeAuthorityKeyId = 35,
                 CeFreshestCrl = 46;

struct Extension
{
    int idCe = -1; // n of 2.5.29.n, or -1 for any other OID
    bool critical = false;
    CrlTlv value; // the OCTET STRING
};

core::Error malformed(qint64 offset, const char* what, const char* why)
{
    return CrlDerWalker::errorAt(offset, what, why);
}

// Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } (§4.1).
Result<Extension> readExtension(CrlDerWalker& list)
{
    auto seq = list.expect(TagSequence, "Extension");
    if (!seq) {
        return core::fail(seq.error());
    }
    CrlDerWalker ext = list.enter(*seq);
    auto oid = ext.expect(TagOid, "extnID");
    if (!oid) {
        return core::fail(oid.error());
    }
    Extension out;
    const uchar* o = ext.base() + oid->contentOffset;
    if (oid->length == 3 && o[0] == 0x55 && o[1] == 0x1D && o[2] < 0x80) {
        out.idCe = o[2];
    }
    if (ext.peekTag() == TagBoolean) {
        auto flag = ext.next();
        if (!flag || flag->length != 1 ||
            (ext.base()[flag->contentOffset] != 0xFF && ext.base()[flag->contentOffset] != 0)) {
            return core::fail(flag ? malformed(flag->offset, "critical", "not a BOOLEAN") : flag.error());
        }
        out.critical = ext.base()[flag->contentOffset] == 0xFF;
    }
    auto value = ext.expect(TagOctetString, "extnValue");
    if (!value) {
        return core::fail(value.error());
    }
    out.value = *value;
    if (auto end = ext.expectEnd("Extension"); !end) {
        return core::fail(end.error());
    }
    return out;
}

// A non-negative INTEGER of at most 64 bits (CRL numbers: §5.2.3 allows 20 octets; larger ones are
// refused as unsupported rather than truncated).
Result<quint64> readSmallUnsigned(CrlDerWalker& walker, const char* what)
{
    auto tlv = walker.expect(TagInteger, what);
    if (!tlv) {
        return core::fail(tlv.error());
    }
    const uchar* p = walker.base() + tlv->contentOffset;
    if (tlv->length < 1 || (p[0] & 0x80) || (tlv->length > 1 && p[0] == 0 && p[1] < 0x80)) {
        return core::fail(malformed(tlv->offset, what, "not a minimal non-negative INTEGER"));
    }
    const qint64 skip = p[0] == 0 ? 1 : 0;
    if (tlv->length - skip > 8) {
        return core::fail(
            Errc::Unsupported,
            QStringLiteral("offset %1: %2 wider than 64 bits").arg(tlv->offset).arg(QString::fromLatin1(what)));
    }
    quint64 value = 0;
    for (qint64 i = skip; i < tlv->length; ++i) {
        value = (value << 8) | p[i];
    }
    return value;
}

// The payload of a single-TLV extension value: walks into the OCTET STRING and reads one element.
CrlDerWalker valueWalker(const CrlDerWalker& parent, const Extension& ext)
{
    return parent.enter(ext.value);
}

struct AlgorithmOid
{
    quint8 oid[9];
    int length;
    CrlSignatureAlgorithm algorithm;
};

// sha*WithRSAEncryption (RFC 4055 §5) and ecdsa-with-SHA* (RFC 5758 §3.2), as OID content octets.
constexpr AlgorithmOid Algorithms[] = {
    {{0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B}, 9, CrlSignatureAlgorithm::Sha256WithRsa},
    {{0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0C}, 9, CrlSignatureAlgorithm::Sha384WithRsa},
    {{0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0D}, 9, CrlSignatureAlgorithm::Sha512WithRsa},
    {{0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02}, 8, CrlSignatureAlgorithm::EcdsaWithSha256},
    {{0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x03}, 8, CrlSignatureAlgorithm::EcdsaWithSha384},
};

Result<CrlSignatureAlgorithm> readAlgorithm(CrlDerWalker& walker, CrlTlv& whole)
{
    auto seq = walker.expect(TagSequence, "AlgorithmIdentifier");
    if (!seq) {
        return core::fail(seq.error());
    }
    whole = *seq;
    CrlDerWalker alg = walker.enter(*seq);
    auto oid = alg.expect(TagOid, "algorithm");
    if (!oid) {
        return core::fail(oid.error());
    }
    for (const auto& known : Algorithms) {
        if (oid->length == known.length &&
            std::memcmp(alg.base() + oid->contentOffset, known.oid, size_t(known.length)) == 0) {
            const bool rsa = known.algorithm <= CrlSignatureAlgorithm::Sha512WithRsa;
            if (!alg.atEnd()) { // RSA: parameters NULL (RFC 4055 §5); ECDSA: absent (RFC 5758 §3.2)
                auto params = alg.next();
                if (!params || !rsa || params->tag != 0x05 || params->length != 0 || !alg.atEnd()) {
                    return core::fail(malformed(seq->offset, "AlgorithmIdentifier", "unexpected parameters"));
                }
            }
            return known.algorithm;
        }
    }
    return core::fail(
        Errc::Unsupported,
        QStringLiteral("offset %1: signature algorithm not supported (SHA-1 and unknown OIDs are refused)")
            .arg(oid->offset));
}

// AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL, ... } (§4.2.1.1)
Result<void> readAuthorityKeyId(CrlDerWalker value, CrlInfo& info)
{
    auto seq = value.expect(TagSequence, "AuthorityKeyIdentifier");
    if (!seq) {
        return core::fail(seq.error());
    }
    CrlDerWalker aki = value.enter(*seq);
    while (!aki.atEnd()) {
        auto item = aki.next();
        if (!item) {
            return core::fail(item.error());
        }
        if (item->tag == TagKeyIdentifier) {
            info.authorityKeyId =
                QByteArray(reinterpret_cast<const char*>(aki.base() + item->contentOffset), qsizetype(item->length));
        }
    }
    return value.expectEnd("AuthorityKeyIdentifier");
}

// IssuingDistributionPoint (§5.2.5): kept raw for scope comparison; indirectCRL [4] TRUE is refused.
Result<void> readIssuingDistributionPoint(CrlDerWalker value, CrlInfo& info, const Extension& ext)
{
    auto seq = value.expect(TagSequence, "IssuingDistributionPoint");
    if (!seq) {
        return core::fail(seq.error());
    }
    CrlDerWalker idp = value.enter(*seq);
    while (!idp.atEnd()) {
        auto item = idp.next();
        if (!item) {
            return core::fail(item.error());
        }
        if (item->tag == 0x84 && item->length == 1 && idp.base()[item->contentOffset] == 0xFF) {
            return core::fail(Errc::Unsupported,
                              QStringLiteral("offset %1: indirect CRLs are not accepted").arg(item->offset));
        }
    }
    info.issuingDistributionPoint =
        QByteArray(reinterpret_cast<const char*>(value.base() + ext.value.contentOffset), qsizetype(ext.value.length));
    return value.expectEnd("IssuingDistributionPoint");
}

Result<void> readCrlExtension(const CrlDerWalker& list, const Extension& ext, CrlInfo& info)
{
    CrlDerWalker value = valueWalker(list, ext);
    switch (ext.idCe) {
    case CeCrlNumber:
    case CeDeltaCrlIndicator: {
        auto number = readSmallUnsigned(value, ext.idCe == CeCrlNumber ? "cRLNumber" : "BaseCRLNumber");
        if (!number) {
            return core::fail(number.error());
        }
        (ext.idCe == CeCrlNumber ? info.crlNumber : info.deltaBaseCrlNumber) = *number;
        return value.expectEnd("CRL number");
    }
    case CeAuthorityKeyId:
        return readAuthorityKeyId(value, info);
    case CeIssuingDistributionPoint:
        return readIssuingDistributionPoint(value, info, ext);
    case CeFreshestCrl:
        return {};
    default:
        if (ext.critical) { // §5.2: a CRL with an unrecognised critical extension must not be used
            return core::fail(Errc::Unsupported,
                              QStringLiteral("offset %1: unknown critical CRL extension").arg(ext.value.offset));
        }
        return {};
    }
}

Result<void> readCrlExtensions(CrlDerWalker& tbs, CrlInfo& info)
{
    auto outer = tbs.expect(TagExtensions, "crlExtensions");
    if (!outer) {
        return core::fail(outer.error());
    }
    CrlDerWalker wrapper = tbs.enter(*outer);
    auto seq = wrapper.expect(TagSequence, "Extensions");
    if (!seq) {
        return core::fail(seq.error());
    }
    CrlDerWalker list = wrapper.enter(*seq);
    while (!list.atEnd()) {
        auto ext = readExtension(list);
        if (!ext) {
            return core::fail(ext.error());
        }
        if (auto ok = readCrlExtension(list, *ext, info); !ok) {
            return ok;
        }
    }
    return wrapper.expectEnd("crlExtensions");
}

Result<void> readTime(CrlDerWalker& tbs, const char* what, qint64& seconds)
{
    auto tlv = tbs.next();
    if (!tlv) {
        return core::fail(tlv.error());
    }
    if (!CrlParser::parseTime(tlv->tag, tbs.base() + tlv->contentOffset, tlv->length, seconds)) {
        return core::fail(malformed(tlv->offset, what, "not a valid Time"));
    }
    return {};
}

bool isTime(int tag)
{
    return tag == TagUtcTime || tag == TagGeneralizedTime;
}

} // namespace

bool CrlParser::parseTime(quint8 tag, const uchar* text, qint64 length, qint64& seconds)
{
    return CrlEntryReader::parseTime(tag, text, length, seconds);
}

} // namespace madoguchi::pki

namespace madoguchi::pki {

core::Result<CrlInfo> CrlParser::parseEnvelope(const uchar* data, qint64 size)
{
    CrlDerWalker file(data, 0, size);
    auto outer = file.expect(TagSequence, "CertificateList");
    if (!outer) {
        return core::fail(outer.error());
    }
    if (auto end = file.expectEnd("file"); !end) {
        return core::fail(end.error());
    }
    CrlDerWalker list = file.enter(*outer);
    auto tbs = list.expect(TagSequence, "tbsCertList");
    if (!tbs) {
        return core::fail(tbs.error());
    }
    CrlInfo info;
    info.tbsOffset = tbs->offset;
    info.tbsLength = tbs->end() - tbs->offset;
    CrlTlv algorithm;
    auto alg = readAlgorithm(list, algorithm);
    if (!alg) {
        return core::fail(alg.error());
    }
    info.algorithm = *alg;
    info.algorithmOffset = algorithm.offset;
    info.algorithmLength = algorithm.end() - algorithm.offset;
    auto signature = list.expect(TagBitString, "signatureValue");
    if (!signature) {
        return core::fail(signature.error());
    }
    if (signature->length < 2 || data[signature->contentOffset] != 0) {
        return core::fail(malformed(signature->offset, "signatureValue", "not a whole-octet BIT STRING"));
    }
    info.signatureOffset = signature->contentOffset + 1;
    info.signatureLength = signature->length - 1;
    if (auto end = list.expectEnd("CertificateList"); !end) {
        return core::fail(end.error());
    }
    // §5.1.1.2: the TBS copy of the algorithm must be identical; it is checked in parseTbs().
    return info;
}

core::Result<void> CrlParser::parseTbs(const uchar* data, CrlInfo& info, EntrySink* sink)
{
    CrlDerWalker file(data, info.tbsOffset, info.tbsOffset + info.tbsLength);
    auto tbsTlv = file.expect(TagSequence, "tbsCertList");
    if (!tbsTlv) {
        return core::fail(tbsTlv.error());
    }
    CrlDerWalker tbs = file.enter(*tbsTlv);
    const bool v2 = tbs.peekTag() == TagInteger;
    if (v2) {
        auto version = readSmallUnsigned(tbs, "version");
        if (!version || *version != 1) {
            return core::fail(version ? malformed(tbsTlv->contentOffset, "version", "not v2") : version.error());
        }
    }
    CrlTlv algorithm;
    if (auto alg = readAlgorithm(tbs, algorithm); !alg) {
        return core::fail(alg.error());
    }
    const qint64 algLength = algorithm.end() - algorithm.offset;
    if (algLength != info.algorithmLength ||
        std::memcmp(data + algorithm.offset, data + info.algorithmOffset, size_t(algLength)) != 0) {
        return core::fail(
            malformed(algorithm.offset, "signature", "differs from signatureAlgorithm (RFC 5280 §5.1.1.2)"));
    }
    auto issuer = tbs.expect(TagSequence, "issuer");
    if (!issuer) {
        return core::fail(issuer.error());
    }
    info.issuerDer =
        QByteArray(reinterpret_cast<const char*>(data + issuer->offset), qsizetype(issuer->end() - issuer->offset));
    if (auto t = readTime(tbs, "thisUpdate", info.thisUpdate); !t) {
        return t;
    }
    if (isTime(tbs.peekTag())) {
        qint64 next = 0;
        if (auto t = readTime(tbs, "nextUpdate", next); !t) {
            return t;
        }
        info.nextUpdate = next;
    }
    if (tbs.peekTag() == TagSequence) {
        auto list = tbs.next();
        if (!list) {
            return core::fail(list.error());
        }
        if (sink) {
            info.removeFromCrlCount = 0;
            auto count = CrlEntryReader::walk(data, *list, *sink, info.removeFromCrlCount);
            if (!count) {
                return core::fail(count.error());
            }
            info.entryCount = *count;
        }
    }
    if (tbs.peekTag() == TagExtensions) {
        if (!v2) {
            return core::fail(malformed(tbs.position(), "crlExtensions", "extensions in a v1 CRL"));
        }
        if (auto ext = readCrlExtensions(tbs, info); !ext) {
            return ext;
        }
    }
    if (auto end = tbs.expectEnd("tbsCertList"); !end) {
        return end;
    }
    if (info.removeFromCrlCount > 0 && !info.isDelta()) {
        return core::fail(Errc::MalformedInput, QStringLiteral("removeFromCRL in a complete CRL (RFC 5280 §5.3.1)"));
    }
    return {};
}

core::Result<CrlInfo> CrlParser::parse(const uchar* data, qint64 size, EntrySink* sink)
{
    auto info = parseEnvelope(data, size);
    if (!info) {
        return info;
    }
    if (auto tbs = parseTbs(data, *info, sink); !tbs) {
        return core::fail(tbs.error());
    }
    return info;
}

const char* crlReasonName(CrlReason reason)
{
    switch (reason) {
    case CrlReason::Unspecified:
        return "unspecified";
    case CrlReason::KeyCompromise:
        return "keyCompromise";
    case CrlReason::CaCompromise:
        return "cACompromise";
    case CrlReason::AffiliationChanged:
        return "affiliationChanged";
    case CrlReason::Superseded:
        return "superseded";
    case CrlReason::CessationOfOperation:
        return "cessationOfOperation";
    case CrlReason::CertificateHold:
        return "certificateHold";
    case CrlReason::RemoveFromCrl:
        return "removeFromCRL";
    case CrlReason::PrivilegeWithdrawn:
        return "privilegeWithdrawn";
    case CrlReason::AaCompromise:
        return "aACompromise";
    case CrlReason::NotGiven:
        return "none";
    }
    return "unknown";
}

} // namespace madoguchi::pki