#pragma once

#include "core/Result.h"
#include "pki/SuccessionLink.h"

#include <QString>

#include <functional>

class QIODevice;

namespace madoguchi::pki {

enum class SuccessionFormat
{
    Csv,       // RFC 4180, UTF-8, fixed header (docs/succession-format.md)
    JsonLines, // one JSON object per line, same field names
};

// What was wrong with one record: a person fixes the file from this.
struct SuccessionRowError
{
    qint64 row = 0; // 1-based line number where the record starts (the CSV header is line 1)
    QString field;  // column name, or empty for the record as a whole
    QString reason;
};

struct SuccessionParseSummary
{
    qint64 records = 0;
    qint64 accepted = 0;
    qint64 rejected = 0;
};

// Streaming reader of the serial-succession formats in docs/succession-format.md: one record in
// memory at a time, so a national-size file costs no more than a small one. Bad records are
// reported one by one and skipped; only an unusable file as a whole (wrong header, I/O error,
// an over-long line) fails the call.
class SuccessionParser final
{
public:
    static constexpr qint64 MaxLineBytes = 64 * 1024;
    using LinkSink = std::function<void(const SuccessionLink& link, qint64 row)>;
    using ErrorSink = std::function<void(const SuccessionRowError& error)>;

    [[nodiscard]] static core::Result<SuccessionParseSummary> parse(QIODevice& input, SuccessionFormat format,
                                                                    const LinkSink& onLink, const ErrorSink& onError);
};

} // namespace madoguchi::pki
