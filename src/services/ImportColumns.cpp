#include "services/ImportColumns.h"

#include <array>

namespace madoguchi::services {

namespace {

// Canonical columns and the header names insurers' files use (Japanese and English).
struct ColumnName
{
    const char* canonical;
    const char* utf8Name;
};
constexpr std::array ColumnNames{
    ColumnName{"issuer_key_id", "issuer_key_id"},
    ColumnName{"issuer_key_id", "発行者鍵識別子"},
    ColumnName{"serial", "serial"},
    ColumnName{"serial", "card_serial"},
    ColumnName{"serial", "シリアル番号"},
    ColumnName{"kind", "kind"},
    ColumnName{"kind", "種別"},
    ColumnName{"platform_id", "platform_id"},
    ColumnName{"platform_id", "共通プラットフォームID"},
    ColumnName{"insurer_number", "insurer_number"},
    ColumnName{"insurer_number", "保険者番号"},
    ColumnName{"symbol", "symbol"},
    ColumnName{"symbol", "記号"},
    ColumnName{"number", "number"},
    ColumnName{"number", "番号"},
    ColumnName{"branch", "branch"},
    ColumnName{"branch", "枝番"},
    ColumnName{"household_id", "household_id"},
    ColumnName{"household_id", "世帯ID"},
    ColumnName{"name", "name"},
    ColumnName{"name", "氏名"},
    ColumnName{"birth_date", "birth_date"},
    ColumnName{"birth_date", "生年月日"},
    ColumnName{"valid_from", "valid_from"},
    ColumnName{"valid_from", "資格取得年月日"},
    ColumnName{"valid_to", "valid_to"},
    ColumnName{"valid_to", "資格喪失年月日"},
};
// A file that carries individual numbers is refused whole: Madoguchi never stores one (jpki-card.md §7).
constexpr std::array ForbiddenColumns{"個人番号", "マイナンバー", "individual_number", "my_number", "mynumber"};

} // namespace

core::Result<QHash<QString, int>> ImportColumns::map(const QList<QByteArray>& header, CsvFieldDecoder& decoder)
{
    QHash<QString, int> column;
    for (qsizetype i = 0; i < header.size(); ++i) {
        QByteArray name = header[i].trimmed();
        if (i == 0 && name.startsWith("\xEF\xBB\xBF")) {
            name = name.mid(3); // UTF-8 BOM
        }
        QString text;
        (void)decoder.decode(name, text);
        for (const char* forbidden : ForbiddenColumns) {
            if (text.compare(QString::fromUtf8(forbidden), Qt::CaseInsensitive) == 0) {
                return core::fail(core::Errc::InvalidArgument,
                                  QStringLiteral("file has an individual-number column: refused whole"));
            }
        }
        for (const auto& known : ColumnNames) {
            if (text.compare(QString::fromUtf8(known.utf8Name), Qt::CaseInsensitive) == 0) {
                column.insert(QString::fromLatin1(known.canonical), static_cast<int>(i));
            }
        }
    }
    if (!column.contains(QStringLiteral("issuer_key_id")) || !column.contains(QStringLiteral("serial"))) {
        return core::fail(core::Errc::MalformedInput, QStringLiteral("header lacks issuer_key_id and serial columns"));
    }
    return column;
}

} // namespace madoguchi::services
