#include "services/CsvFieldDecoder.h"

namespace madoguchi::services {

namespace {

bool isAscii(const QByteArray& bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            return false;
        }
    }
    return true;
}

} // namespace

CsvFieldDecoder::CsvFieldDecoder(CsvEncoding encoding)
    : m_decoder(encoding == CsvEncoding::Cp932 ? QStringDecoder("windows-31j", QStringDecoder::Flag::Stateless)
                                               : QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless))
{}

CsvEncoding CsvFieldDecoder::detect(QByteArrayView head)
{
    if (head.startsWith("\xEF\xBB\xBF")) {
        return CsvEncoding::Utf8;
    }
    // Cut at the last newline so a character split by the sample's end is not counted as invalid.
    const qsizetype cut = head.lastIndexOf('\n');
    const QByteArray sample = (cut > 0 ? head.first(cut) : head).toByteArray();
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = utf8.decode(sample); // decode() is lazy: convert for real
    Q_UNUSED(decoded);
    return utf8.hasError() ? CsvEncoding::Cp932 : CsvEncoding::Utf8;
}

bool CsvFieldDecoder::decode(const QByteArray& bytes, QString& out)
{
    if (isAscii(bytes)) { // the common case: digits and Latin letters
        out = QString::fromLatin1(bytes);
        return true;
    }
    m_decoder.resetState();
    out = m_decoder.decode(bytes);
    const bool ok = !m_decoder.hasError();
    m_decoder.resetState();
    return ok;
}

} // namespace madoguchi::services
