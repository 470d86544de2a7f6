#pragma once

#include "core/Result.h"
#include "pki/CrlDerWalker.h"
#include "pki/CrlParser.h"

namespace madoguchi::pki {

// Internal to CrlParser: the revokedCertificates loop (RFC 5280 §5.1.2.6), which runs up to 10^7 times per
// CRL. Nearly every entry takes a branch-light fast path; every unusual or malformed one goes through the
// general bounds-checked walker, which reports the byte offset.
class CrlEntryReader final
{
public:
    // Walks the content of `list` (the revokedCertificates SEQUENCE) and feeds `sink`; returns the count.
    [[nodiscard]] static core::Result<qint64> walk(const uchar* base, const CrlTlv& list, CrlParser::EntrySink& sink,
                                                   qint64& removeFromCrlCount);
    [[nodiscard]] static bool parseTime(quint8 tag, const uchar* text, qint64 length, qint64& seconds);
};

} // namespace madoguchi::pki
