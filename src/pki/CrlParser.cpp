#include "pki/CrlParser.h"

#include "pki/CrlDerWalker.h"

#include <bit>
#include <cstring>

namespace madoguchi::pki {

namespace {

using core::Errc;
using core::Result;

constexpr quint8 TagInteger = 0x02, TagBitString = 0x03, TagOctetString = 0x04, TagOid = 0x06,
                 TagEnumerated = 0x0A, TagUtcTime = 0x17, TagGeneralizedTime = 0x18, TagSequence = 0x30,
                 TagBoolean = 0x01, TagExtensions = 0xA0, TagKeyIdentifier = 0x80;

// id-ce arcs (RFC 5280 §4.2, §5.2, §5.3): content octets of 2.5.29.n are 55 1D n.
constexpr quint8 CeCrlNumber = 20, CeReasonCode = 21, CeInvalidityDate = 24, CeDeltaCrlIndicator = 27,
                 CeIssuingDistributionPoint = 28, CeCertificateIssuer = 29, CeAuthorityKeyId = 35,
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
        if (!flag || flag->length != 1 || (ext.base()[flag->contentOffset] != 0xFF && ext.base()[flag->contentOffset] != 0)) {
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
        return core::fail(Errc::Unsupported, QStringLiteral("offset %1: %2 wider than 64 bits").arg(tlv->offset).arg(QString::fromLatin1(what)));
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

// The revoked-certificate loop runs 10^7 times per CRL: it uses the bool API of the walker, keeps the
// error as a value only on the (cold) failure path and never allocates.
[[gnu::cold]] bool entryError(core::Error& error, qint64 offset, const char* what, const char* why,
                              Errc code = Errc::MalformedDer)
{
    error = malformed(offset, what, why);
    error.code = code;
    return false;
}

bool readHeaderOr(CrlDerWalker& walker, CrlTlv& tlv, quint8 tag, const char* what, core::Error& error)
{
    if (!walker.readHeader(tlv)) {
        error = walker.lastError();
        return false;
    }
    return tlv.tag == tag || entryError(error, tlv.offset, what, "unexpected tag");
}

// One crlEntryExtension (§5.3): reasonCode is read, certificateIssuer refused (indirect CRL, §5.3.3:
// Madoguchi trusts a CRL for its own issuer only), invalidityDate and non-critical others skipped.
bool readEntryExtension(CrlDerWalker& list, CrlRawEntry& out, core::Error& error)
{
    CrlTlv seq, oid, value;
    if (!readHeaderOr(list, seq, TagSequence, "Extension", error)) {
        return false;
    }
    CrlDerWalker ext = list.enter(seq);
    if (!readHeaderOr(ext, oid, TagOid, "extnID", error)) {
        return false;
    }
    const uchar* o = ext.base() + oid.contentOffset;
    const int idCe = oid.length == 3 && o[0] == 0x55 && o[1] == 0x1D && o[2] < 0x80 ? o[2] : -1;
    bool critical = false;
    if (ext.peekTag() == TagBoolean) {
        CrlTlv flag;
        if (!ext.readHeader(flag) || flag.length != 1) {
            return entryError(error, flag.offset, "critical", "not a BOOLEAN");
        }
        critical = ext.base()[flag.contentOffset] != 0;
    }
    if (!readHeaderOr(ext, value, TagOctetString, "extnValue", error)) {
        return false;
    }
    if (!ext.atEnd()) {
        return entryError(error, ext.position(), "Extension", "unexpected trailing data");
    }
    if (idCe == CeReasonCode) {
        const uchar* v = ext.base() + value.contentOffset;
        // ENUMERATED, one octet, 0..10 without the unused 7 (§5.3.1).
        if (value.length != 3 || v[0] != TagEnumerated || v[1] != 1 || v[2] > 10 || v[2] == 7) {
            return entryError(error, value.offset, "reasonCode", "not a CRLReason ENUMERATED");
        }
        out.reason = static_cast<CrlReason>(v[2]);
    } else if (idCe == CeCertificateIssuer) {
        return entryError(error, value.offset, "certificateIssuer", "indirect CRLs are not accepted", Errc::Unsupported);
    } else if (critical && idCe != CeInvalidityDate) {
        return entryError(error, value.offset, "crlEntryExtension", "unknown critical extension", Errc::Unsupported);
    }
    return true;
}

// RevokedCertificate ::= SEQUENCE { userCertificate INTEGER, revocationDate Time, crlEntryExtensions }
bool readEntry(CrlDerWalker& list, CrlRawEntry& out, core::Error& error)
{
    CrlTlv tlv, serial, date;
    if (!readHeaderOr(list, tlv, TagSequence, "revokedCertificate", error)) {
        return false;
    }
    CrlDerWalker entry = list.enter(tlv);
    if (!readHeaderOr(entry, serial, TagInteger, "userCertificate", error)) {
        return false;
    }
    const uchar* s = entry.base() + serial.contentOffset;
    const int lead = serial.length > 1 && s[0] == 0 ? 1 : 0;
    if (serial.length < 1 || (s[0] & 0x80) || (lead && s[1] < 0x80) || serial.length - lead > 20 ||
        (serial.length == 1 && s[0] == 0)) {
        return entryError(error, serial.offset, "userCertificate", "serial not a positive INTEGER of 1-20 octets");
    }
    out.serialOffset = serial.contentOffset + lead;
    out.serialLength = int(serial.length - lead);
    if (!entry.readHeader(date) ||
        !CrlParser::parseTime(date.tag, entry.base() + date.contentOffset, date.length, out.revocationDate)) {
        return entryError(error, serial.end(), "revocationDate", "not a valid Time");
    }
    out.reason = CrlReason::NotGiven;
    if (!entry.atEnd()) {
        CrlTlv extensions;
        if (!readHeaderOr(entry, extensions, TagSequence, "crlEntryExtensions", error)) {
            return false;
        }
        CrlDerWalker list2 = entry.enter(extensions);
        while (!list2.atEnd()) {
            if (!readEntryExtension(list2, out, error)) {
                return false;
            }
        }
    }
    return entry.atEnd() || entryError(error, entry.position(), "revokedCertificate", "unexpected trailing data");
}

// The shape of nearly every entry: short-form lengths, a serial, a Time and either nothing or exactly a
// non-critical reasonCode. Accepts a strict subset of what readEntry() accepts, with identical results;
// anything else (and every error) goes through readEntry(). Returns the bytes consumed, 0 to fall back.
qint64 readCommonEntry(const uchar* p, qint64 available, CrlRawEntry& out, qint64 offset)
{
    static constexpr uchar ReasonPrefix[] = {0x30, 0x0C, 0x30, 0x0A, 0x06, 0x03, 0x55, 0x1D, 0x15, 0x04, 0x03, 0x0A, 0x01};
    if (available < 2 || p[0] != TagSequence || p[1] >= 0x80 || p[1] + 2 > available) {
        return 0;
    }
    const uchar* e = p + 2;
    const uchar* end = e + p[1];
    if (end - e < 3 || e[0] != TagInteger || e[1] < 1 || e[1] > 21 || e + 2 + e[1] > end) {
        return 0;
    }
    const uchar* s = e + 2;
    const int length = e[1];
    const int lead = length > 1 && s[0] == 0 ? 1 : 0;
    if ((s[0] & 0x80) || (lead && s[1] < 0x80) || length - lead > 20 || (length == 1 && s[0] == 0)) {
        return 0;
    }
    const uchar* t = s + length;
    if (end - t < 2 || t[1] >= 0x80 || t + 2 + t[1] > end || !CrlParser::parseTime(t[0], t + 2, t[1], out.revocationDate)) {
        return 0;
    }
    const uchar* x = t + 2 + t[1];
    out.reason = CrlReason::NotGiven;
    if (x != end) {
        if (end - x != 14 || std::memcmp(x, ReasonPrefix, sizeof ReasonPrefix) != 0 || x[13] > 10 || x[13] == 7) {
            return 0;
        }
        out.reason = static_cast<CrlReason>(x[13]);
    }
    out.serialOffset = offset + (s - p) + lead;
    out.serialLength = length - lead;
    return end - p;
}

Result<qint64> walkEntries(const uchar* base, const CrlTlv& listTlv, CrlParser::EntrySink& sink, qint64& removeCount)
{
    sink.begin(listTlv.length);
    qint64 count = 0;
    qint64 position = listTlv.contentOffset;
    const qint64 end = listTlv.end();
    CrlRawEntry entry;
    core::Error error;
    while (position < end) {
        const qint64 used = readCommonEntry(base + position, end - position, entry, position);
        if (used > 0) {
            position += used;
        } else {
            CrlDerWalker list(base, position, end);
            if (!readEntry(list, entry, error)) {
                return core::fail(error);
            }
            position = list.position();
        }
        removeCount += entry.reason == CrlReason::RemoveFromCrl;
        ++count;
        if (!sink.add(entry)) {
            return core::fail(Errc::Cancelled, QStringLiteral("entry sink stopped at entry %1").arg(count));
        }
    }
    return count;
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
        if (oid->length == known.length && std::memcmp(alg.base() + oid->contentOffset, known.oid, size_t(known.length)) == 0) {
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
    return core::fail(Errc::Unsupported, QStringLiteral("offset %1: signature algorithm not supported (SHA-1 and unknown OIDs are refused)").arg(oid->offset));
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
            info.authorityKeyId = QByteArray(reinterpret_cast<const char*>(aki.base() + item->contentOffset), qsizetype(item->length));
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
            return core::fail(Errc::Unsupported, QStringLiteral("offset %1: indirect CRLs are not accepted").arg(item->offset));
        }
    }
    info.issuingDistributionPoint = QByteArray(reinterpret_cast<const char*>(value.base() + ext.value.contentOffset), qsizetype(ext.value.length));
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
            return core::fail(Errc::Unsupported, QStringLiteral("offset %1: unknown critical CRL extension").arg(ext.value.offset));
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

namespace {

quint64 load8(const uchar* p)
{
    quint64 v;
    std::memcpy(&v, p, 8);
    if constexpr (std::endian::native == std::endian::big) {
        v = __builtin_bswap64(v);
    }
    return v; // first character in the lowest byte
}

// Eight ASCII digits → four two-digit values in bytes 0, 2, 4, 6; false if any byte is not a digit.
bool digitPairs(quint64 v, quint64& pairs)
{
    constexpr quint64 High = 0xF0F0F0F0F0F0F0F0ULL, Low = 0x0F0F0F0F0F0F0F0FULL;
    if ((v & High) != 0x3030303030303030ULL || (((v & Low) + 0x0606060606060606ULL) & High) != 0) {
        return false;
    }
    const quint64 d = v & Low;
    pairs = d * 10 + (d >> 8);
    return true;
}

int pairAt(quint64 pairs, int index)
{
    return int((pairs >> (16 * index)) & 0xFF);
}

} // namespace

bool CrlParser::parseTime(quint8 tag, const uchar* t, qint64 length, qint64& seconds)
{
    const bool utc = tag == TagUtcTime;
    if ((!(utc && length == 13) && !(tag == TagGeneralizedTime && length == 15)) || t[length - 1] != 'Z') {
        return false;
    }
    // The first and the last eight digits (overlapping for UTCTime): no per-character loop, this runs
    // once per revoked certificate.
    quint64 head = 0, tail = 0;
    if (!digitPairs(load8(t), head) || !digitPairs(load8(t + length - 9), tail)) {
        return false;
    }
    int year = 0, month = 0;
    if (utc) {
        year = pairAt(head, 0);
        year += year >= 50 ? 1900 : 2000; // §4.1.2.5.1
        month = pairAt(head, 1);
    } else {
        year = pairAt(head, 0) * 100 + pairAt(head, 1);
        month = pairAt(head, 2);
    }
    const int day = pairAt(tail, 0), hour = pairAt(tail, 1), minute = pairAt(tail, 2), second = pairAt(tail, 3);
    static constexpr int DaysIn[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month < 1 || month > 12 || day < 1 || day > DaysIn[month - 1] || (month == 2 && day == 29 && !leap) ||
        hour > 23 || minute > 59 || second > 59) {
        return false;
    }
    // Days from civil (H. Hinnant's algorithm, proleptic Gregorian calendar).
    const int y = year - (month <= 2);
    const int era = y / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const qint64 days = qint64(era) * 146097 + doe - 719468;
    seconds = days * 86400 + hour * 3600 + minute * 60 + second;
    return true;
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
    if (algLength != info.algorithmLength || std::memcmp(data + algorithm.offset, data + info.algorithmOffset, size_t(algLength)) != 0) {
        return core::fail(malformed(algorithm.offset, "signature", "differs from signatureAlgorithm (RFC 5280 §5.1.1.2)"));
    }
    auto issuer = tbs.expect(TagSequence, "issuer");
    if (!issuer) {
        return core::fail(issuer.error());
    }
    info.issuerDer = QByteArray(reinterpret_cast<const char*>(data + issuer->offset), qsizetype(issuer->end() - issuer->offset));
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
            auto count = walkEntries(data, *list, *sink, info.removeFromCrlCount);
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
    case CrlReason::Unspecified: return "unspecified";
    case CrlReason::KeyCompromise: return "keyCompromise";
    case CrlReason::CaCompromise: return "cACompromise";
    case CrlReason::AffiliationChanged: return "affiliationChanged";
    case CrlReason::Superseded: return "superseded";
    case CrlReason::CessationOfOperation: return "cessationOfOperation";
    case CrlReason::CertificateHold: return "certificateHold";
    case CrlReason::RemoveFromCrl: return "removeFromCRL";
    case CrlReason::PrivilegeWithdrawn: return "privilegeWithdrawn";
    case CrlReason::AaCompromise: return "aACompromise";
    case CrlReason::NotGiven: return "none";
    }
    return "unknown";
}

} // namespace madoguchi::pki
