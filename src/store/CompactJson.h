#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace madoguchi::store {

// Compact JSON text of a flat object of strings and integers, written by hand: the bulk import
// writes two such objects per row, and QJsonDocument (CBOR underneath) cost ~10 % of the import
// time (docs/storage.md "Measured"). The output parses to the same object as
// QJsonDocument::toJson(Compact) — same keys, same key order (QJsonObject's), same values — so
// readers (sync, export, lookups) see no difference. Anything else (arrays, nested objects,
// doubles) falls back to QJsonDocument.
class CompactJson final
{
public:
    [[nodiscard]] static QByteArray write(const QJsonObject& object);
    // Appends `"text"` with JSON escapes (RFC 8259 §7) to `out`.
    static void appendString(QByteArray& out, const QString& text);
};

} // namespace madoguchi::store
