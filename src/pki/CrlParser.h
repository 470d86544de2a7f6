#pragma once

#include "core/Result.h"
#include "pki/CrlInfo.h"

namespace madoguchi::pki {

// Walks a DER CertificateList (RFC 5280 §5.1) in place, entry by entry, without building a tree:
// the memory cost is O(1) whatever the number of entries. Strict: definite lengths, serials of 1–20
// octets (§4.1.2.2), v2 only when extensions are present, the inner and outer signature algorithms
// identical (§5.1.1.2), unknown critical extensions and indirect CRLs refused (§5.3, §5.2.5).
class CrlParser final
{
public:
    // Receives each revoked certificate in file order; returning false stops the walk.
    class EntrySink
    {
    public:
        virtual ~EntrySink() = default;
        // Called once before the first entry with the byte length of the revokedCertificates content.
        virtual void begin(qint64 listLength) { Q_UNUSED(listLength) }
        virtual bool add(const CrlRawEntry& entry) = 0;
    };

    // The outer SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue }: fills the offsets and the
    // algorithm of `info`. O(1): the TBS content is not read.
    [[nodiscard]] static core::Result<CrlInfo> parseEnvelope(const uchar* data, qint64 size);

    // Walks the TBS located by parseEnvelope(). With a null sink the revoked list is skipped in O(1)
    // (used when reopening from a persisted index); entryCount is then left as it was.
    [[nodiscard]] static core::Result<void> parseTbs(const uchar* data, CrlInfo& info, EntrySink* sink);

    // Convenience: envelope + TBS in one call.
    [[nodiscard]] static core::Result<CrlInfo> parse(const uchar* data, qint64 size, EntrySink* sink);

    // "YYMMDDHHMMSSZ" (UTCTime, §4.1.2.5.1) or "YYYYMMDDHHMMSSZ" (GeneralizedTime, §4.1.2.5.2) → Unix
    // seconds. False on anything else (fractions, offsets, impossible dates).
    [[nodiscard]] static bool parseTime(quint8 tag, const uchar* text, qint64 length, qint64& seconds);
};

} // namespace madoguchi::pki
