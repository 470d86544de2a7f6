#include "pki/CrlGenerator.h"

#include <QFile>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace madoguchi::pki {

namespace {

quint64 splitmix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

void appendLength(QByteArray& out, qint64 length)
{
    if (length < 0x80) {
        out.append(char(length));
        return;
    }
    int bytes = 0;
    for (qint64 l = length; l > 0; l >>= 8) {
        ++bytes;
    }
    out.append(char(0x80 | bytes));
    for (int i = bytes - 1; i >= 0; --i) {
        out.append(char((length >> (8 * i)) & 0xFF));
    }
}

void appendTlv(QByteArray& out, quint8 tag, const QByteArray& content)
{
    out.append(char(tag));
    appendLength(out, content.size());
    out.append(content);
}

QByteArray tlv(quint8 tag, const QByteArray& content)
{
    QByteArray out;
    appendTlv(out, tag, content);
    return out;
}

QByteArray integer(QByteArray magnitude)
{
    if (magnitude.isEmpty() || (quint8(magnitude[0]) & 0x80)) {
        magnitude.prepend('\0');
    }
    return tlv(0x02, magnitude);
}

QByteArray unsignedInteger(quint64 value)
{
    QByteArray bytes;
    do {
        bytes.prepend(char(value & 0xFF));
        value >>= 8;
    } while (value);
    return integer(bytes);
}

QByteArray extension(quint8 idCe, bool critical, const QByteArray& value)
{
    QByteArray body = tlv(0x06, QByteArray::fromHex("551d") + char(idCe));
    if (critical) {
        body += QByteArray::fromHex("0101ff");
    }
    body += tlv(0x04, value);
    return tlv(0x30, body);
}

QByteArray entryDer(const CrlGenerator::Entry& entry)
{
    QByteArray body = integer(entry.serial);
    CrlGenerator::appendTime(body, entry.date);
    if (entry.reason != CrlReason::NotGiven) {
        const QByteArray reason = tlv(0x0A, QByteArray(1, char(entry.reason)));
        body += tlv(0x30, extension(21, false, reason));
    }
    return tlv(0x30, body);
}

QByteArray algorithmDer(bool ecdsa)
{
    return QByteArray::fromHex(ecdsa ? "300a06082a8648ce3d040302" : "300d06092a864886f70d01010b0500");
}

QByteArray crlExtensions(const CrlGenerator::Spec& spec, const QByteArray& keyId)
{
    QByteArray list;
    const QByteArray aki = spec.authorityKeyId.value_or(keyId);
    if (!aki.isEmpty()) {
        list += extension(35, false, tlv(0x30, tlv(0x80, aki)));
    }
    if (spec.crlNumber) {
        list += extension(20, false, unsignedInteger(*spec.crlNumber));
    }
    if (spec.deltaBase) {
        list += extension(27, true, unsignedInteger(*spec.deltaBase));
    }
    if (!spec.issuingDistributionPoint.isEmpty()) {
        list += extension(28, true, spec.issuingDistributionPoint);
    }
    return list.isEmpty() ? QByteArray() : tlv(0xA0, tlv(0x30, list));
}

core::Error openSslError(const char* what)
{
    return core::Error{core::Errc::CryptoFailure, QString::fromLatin1(what), 0};
}

} // namespace

void CrlGenerator::appendTime(QByteArray& out, qint64 seconds)
{
    // Civil from days (H. Hinnant), then fixed-width digits.
    const qint64 days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    const qint64 secs = seconds - days * 86400;
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yoe + era * 400 + (month <= 2));
    const bool utc = year >= 1950 && year < 2050;
    char text[16];
    int n = 0;
    auto put2 = [&](int v) {
        text[n++] = char('0' + v / 10 % 10);
        text[n++] = char('0' + v % 10);
    };
    if (!utc) {
        put2(year / 100);
    }
    put2(year % 100);
    put2(month);
    put2(day);
    put2(int(secs / 3600));
    put2(int(secs / 60 % 60));
    put2(int(secs % 60));
    text[n++] = 'Z';
    out.append(char(utc ? 0x17 : 0x18));
    out.append(char(n));
    out.append(text, n);
}

CrlGenerator::Entry CrlGenerator::randomEntry(quint64 seed, qint64 i, qint64 thisUpdate)
{
    static constexpr CrlReason Mix[] = {CrlReason::KeyCompromise, CrlReason::AffiliationChanged, CrlReason::Superseded,
                                        CrlReason::CessationOfOperation, CrlReason::CertificateHold};
    const quint64 a = splitmix(seed * 0x632BE59BD9B4E019ULL + quint64(i));
    const quint64 b = splitmix(a);
    Entry entry;
    entry.serial.resize(16);
    for (int k = 0; k < 8; ++k) {
        entry.serial[k] = char(a >> (8 * k));
        entry.serial[8 + k] = char(b >> (8 * k));
    }
    entry.serial[0] = char(1 + (a & 0xFF) % 127); // positive, 16 octets, no 0x00 prefix: 49-byte entries
    entry.reason = Mix[(b >> 40) % 5];
    entry.date = thisUpdate - qint64((b >> 8) % (365 * 86400));
    return entry;
}

core::Result<CrlGenerator> CrlGenerator::create(const QString& commonName, bool ecdsa)
{
    CrlGenerator gen;
    gen.m_ecdsa = ecdsa;
    gen.m_key.reset(ecdsa ? EVP_EC_gen("P-256") : EVP_RSA_gen(2048), &EVP_PKEY_free);
    gen.m_cert.reset(X509_new(), &X509_free);
    if (!gen.m_key || !gen.m_cert) {
        return core::fail(openSslError("key generation failed"));
    }
    X509* cert = gen.m_cert.get();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), -86400L * 365);
    X509_gmtime_adj(X509_getm_notAfter(cert), 86400L * 365 * 20);
    X509_NAME* name = X509_get_subject_name(cert);
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("JP"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("JPKI Test"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()), -1,
                               -1, 0);
    X509_set_issuer_name(cert, name);
    X509_set_pubkey(cert, gen.m_key.get());
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    for (const auto& [nid, value] :
         {std::pair{NID_basic_constraints, "critical,CA:TRUE"},
          std::pair{NID_key_usage, "critical,keyCertSign,cRLSign"}, std::pair{NID_subject_key_identifier, "hash"}}) {
        X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
        if (!ext || X509_add_ext(cert, ext, -1) != 1) {
            X509_EXTENSION_free(ext);
            return core::fail(openSslError("certificate extension failed"));
        }
        X509_EXTENSION_free(ext);
    }
    if (X509_sign(cert, gen.m_key.get(), EVP_sha256()) <= 0) {
        return core::fail(openSslError("certificate signature failed"));
    }
    const ASN1_OCTET_STRING* ski = X509_get0_subject_key_id(cert);
    gen.m_keyId = QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(ski)), ASN1_STRING_length(ski));
    unsigned char* der = nullptr;
    const int length = i2d_X509_NAME(name, &der);
    gen.m_subjectDer = QByteArray(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return gen;
}

QByteArray CrlGenerator::certificatePem() const
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_X509(bio.get(), m_cert.get());
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(length));
}

core::Result<QByteArray> CrlGenerator::generate(const Spec& spec) const
{
    QByteArray list;
    list.reserve(qsizetype(spec.randomEntries * 49 + qint64(spec.entries.size()) * 64));
    for (const Entry& entry : spec.entries) {
        list += entryDer(entry);
    }
    for (qint64 i = 0; i < spec.randomEntries; ++i) {
        list += entryDer(randomEntry(spec.seed, i, spec.thisUpdate));
    }
    QByteArray head = QByteArray::fromHex("020101") + algorithmDer(m_ecdsa) +
                      (spec.issuerDer.isEmpty() ? m_subjectDer : spec.issuerDer);
    appendTime(head, spec.thisUpdate);
    if (spec.nextUpdate) {
        appendTime(head, *spec.nextUpdate);
    }
    if (!list.isEmpty()) {
        head.append('\x30');
        appendLength(head, list.size());
    }
    const QByteArray tail = crlExtensions(spec, m_keyId);
    QByteArray tbs;
    tbs.reserve(head.size() + list.size() + tail.size() + 8);
    tbs.append('\x30');
    appendLength(tbs, head.size() + list.size() + tail.size());
    tbs += head;
    tbs += list;
    list = QByteArray(); // release: 10^7 entries are half a gigabyte
    tbs += tail;

    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    size_t sigLength = 0;
    const auto* tbsBytes = reinterpret_cast<const unsigned char*>(tbs.constData());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &sigLength, tbsBytes, size_t(tbs.size())) != 1) {
        return core::fail(openSslError("EVP_DigestSign setup failed"));
    }
    QByteArray signature(qsizetype(sigLength), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &sigLength, tbsBytes,
                       size_t(tbs.size())) != 1) {
        return core::fail(openSslError("EVP_DigestSign failed"));
    }
    signature.resize(qsizetype(sigLength));
    const QByteArray trailer = algorithmDer(m_ecdsa) + tlv(0x03, QByteArray(1, '\0') + signature);
    QByteArray out;
    out.reserve(tbs.size() + trailer.size() + 8);
    out.append('\x30');
    appendLength(out, tbs.size() + trailer.size());
    out += tbs;
    out += trailer;
    return out;
}

core::Result<void> CrlGenerator::generateToFile(const Spec& spec, const QString& path) const
{
    auto der = generate(spec);
    if (!der) {
        return core::fail(der.error());
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(*der) != der->size()) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot write %1").arg(path));
    }
    return {};
}

} // namespace madoguchi::pki
