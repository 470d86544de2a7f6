#include "pki/CrlEntryReader.h"

#include "pki/CrlDerWalker.h"

#include <bit>
#include <cstring>

namespace madoguchi::pki {

namespace {

using core::Errc;
using core::Result;

constexpr quint8 TagInteger = 0x02, TagOctetString = 0x04, TagOid = 0x06, TagEnumerated = 0x0A, TagUtcTime = 0x17,
                 TagGeneralizedTime = 0x18, TagSequence = 0x30, TagBoolean = 0x01;
constexpr quint8 CeReasonCode = 21, CeInvalidityDate = 24, CeCertificateIssuer = 29; // 2.5.29.n (RFC 5280 §5.3)

core::Error malformed(qint64 offset, const char* what, const char* why)
{
    return CrlDerWalker::errorAt(offset, what, why);
}

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
        return entryError(error, value.offset, "certificateIssuer", "indirect CRLs are not accepted",
                          Errc::Unsupported);
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
        !CrlEntryReader::parseTime(date.tag, entry.base() + date.contentOffset, date.length, out.revocationDate)) {
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
    static constexpr uchar ReasonPrefix[] = {0x30, 0x0C, 0x30, 0x0A, 0x06, 0x03, 0x55,
                                             0x1D, 0x15, 0x04, 0x03, 0x0A, 0x01};
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
    if (end - t < 2 || t[1] >= 0x80 || t + 2 + t[1] > end ||
        !CrlEntryReader::parseTime(t[0], t + 2, t[1], out.revocationDate)) {
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

} // namespace

Result<qint64> CrlEntryReader::walk(const uchar* base, const CrlTlv& listTlv, CrlParser::EntrySink& sink,
                                    qint64& removeCount)
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

bool CrlEntryReader::parseTime(quint8 tag, const uchar* t, qint64 length, qint64& seconds)
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
