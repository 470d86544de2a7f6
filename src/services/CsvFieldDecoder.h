#pragma once

#include <QByteArray>
#include <QString>
#include <QStringDecoder>

namespace madoguchi::services {

enum class CsvEncoding
{
    Auto, // a UTF-8 BOM or valid UTF-8 in the first 64 KiB → UTF-8, else CP932
    Utf8,
    Cp932, // Shift_JIS with Microsoft's extensions ("windows-31j"), what Japanese Excel writes
};

// Decodes one CSV field at a time and says when the bytes are not valid in the file's encoding
// ("mixed encodings" in a file is a row error, not mojibake in the registry). Qt 6.4 with ICU
// provides "windows-31j" through QStringDecoder on Debian 12.
class CsvFieldDecoder final
{
public:
    explicit CsvFieldDecoder(CsvEncoding encoding);
    // Picks UTF-8 or CP932 for Auto from the first bytes of the file.
    [[nodiscard]] static CsvEncoding detect(QByteArrayView head);
    [[nodiscard]] bool isValid() const { return m_decoder.isValid(); }
    // false when `bytes` are not valid in the encoding.
    [[nodiscard]] bool decode(const QByteArray& bytes, QString& out);

private:
    QStringDecoder m_decoder;
};

} // namespace madoguchi::services
