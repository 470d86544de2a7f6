#include "card/JpkiCard.h"

#include "card/DerLength.h"
#include "card/Iso7816.h"
#include "card/StatusWords.h"
#include "card/Tlv.h"
#include "core/Logging.h"

#include <algorithm>
#include <array>

namespace madoguchi::card {

namespace {

// jpki-card.md §1.
constexpr char JpkiAid[] = "\xD3\x92\xF0\x00\x26\x01\x00\x00\x00\x01";
constexpr char TextAid[] = "\xD3\x92\x10\x00\x31\x00\x01\x01\x04\x08";
constexpr int AidLength = 10;

// jpki-card.md §2–3.
constexpr quint16 EfSignCert = 0x0001;
constexpr quint16 EfSignCaCert = 0x0002;
constexpr quint16 EfToken = 0x0006;
constexpr quint16 EfAuthCert = 0x000A;
constexpr quint16 EfAuthCaCert = 0x000B;
constexpr quint16 EfAuthKey = 0x0017;
constexpr quint16 EfSignKey = 0x001A;
constexpr quint16 EfTextFacts = 0x0002;
constexpr int TokenLength = 0x20;
constexpr int MinProbe = 8;
// A 15-bit READ BINARY offset cannot reach past this (ISO 7816-4 §11.3.3).
constexpr int MaxObjectLength = Iso7816::MaxOffset + 1;

// Longer token first, so "JPKIAPICCTOKEN" can never shadow "JPKIAPICCTOKEN2" (jpki-card.md §2).
struct TokenRow
{
    const char* text;
    TokenKind kind;
};
constexpr std::array TokenTable{
    TokenRow{"JPKIAPICCTOKEN2", TokenKind::MyNumberCard},
    TokenRow{"JPKIAPGPSETOKEN", TokenKind::Smartphone},
    TokenRow{"JPKIAPICCTOKEN", TokenKind::JukiCard},
};

// RFC 8017 §9.2 note 1: DER of DigestInfo for SHA-256.
constexpr char Sha256DigestInfoPrefix[] =
    "\x30\x31\x30\x0D\x06\x09\x60\x86\x48\x01\x65\x03\x04\x02\x01\x05\x00\x04\x20";
constexpr int Sha256Length = 32;

QByteArray trimToken(QByteArray token)
{
    // Right-padded with spaces on real cards; tolerate NUL and FF padding too.
    while (!token.isEmpty() && (token.back() == ' ' || token.back() == '\0' || token.back() == '\xFF')) {
        token.chop(1);
    }
    return token;
}

QString fid(quint16 value)
{
    return QStringLiteral("EF %1").arg(value, 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

JpkiCard::JpkiCard(CardConnection& connection, JpkiCardOptions options) : m_connection(connection), m_options(options)
{
    m_options.probeLength = std::clamp(m_options.probeLength, MinProbe, static_cast<int>(CommandApdu::MaxShortLe));
}

core::Result<TransactionGuard> JpkiCard::transaction()
{
    TransactionGuard guard(m_connection, &m_transactionDepth);
    if (guard.error()) {
        return core::fail(note(*guard.error()));
    }
    return guard;
}

core::Error JpkiCard::note(core::Error error)
{
    if (error.code == core::Errc::CardRemoved || error.code == core::Errc::CardReset ||
        error.domain() == core::ErrorDomain::Pcsc) {
        m_selected = Application::None;
    }
    return error;
}

core::Result<void> JpkiCard::selectApplication(Application application)
{
    if (m_selected == application) {
        return {};
    }
    const bool jpki = application == Application::Jpki;
    auto selected = Iso7816::selectAid(m_connection, QByteArrayView(jpki ? JpkiAid : TextAid, AidLength));
    if (!selected) {
        m_selected = Application::None;
        auto error = note(selected.error());
        if (jpki && error.domain() == core::ErrorDomain::Card) {
            return core::fail(core::Errc::NotJpkiCard, QStringLiteral("SELECT of the JPKI AP refused"),
                              error.nativeCode);
        }
        return core::fail(error);
    }
    m_selected = application;
    return {};
}

core::Result<void> JpkiCard::selectFile(Application application, quint16 efId)
{
    if (auto app = selectApplication(application); !app) {
        return app;
    }
    if (auto ef = Iso7816::selectEf(m_connection, efId); !ef) {
        return core::fail(note(ef.error()));
    }
    return {};
}

core::Result<void> JpkiCard::selectJpkiAp()
{
    m_selected = Application::None; // an explicit detection always asks the card
    return selectApplication(Application::Jpki);
}

core::Result<TokenKind> JpkiCard::readToken()
{
    auto tx = transaction();
    if (!tx) {
        return core::fail(tx.error());
    }
    if (auto ef = selectFile(Application::Jpki, EfToken); !ef) {
        return core::fail(ef.error());
    }
    auto bytes = Iso7816::readBinary(m_connection, 0, TokenLength);
    if (!bytes) {
        return core::fail(note(bytes.error()));
    }
    const QByteArray token = trimToken(*bytes);
    for (const auto& row : TokenTable) {
        if (token == row.text) {
            return row.kind;
        }
    }
    return TokenKind::Unknown;
}

core::Result<QByteArray> JpkiCard::readAuthCertificate()
{
    return readCertificate(EfAuthCert, core::Errc::FileNotFound);
}

core::Result<QByteArray> JpkiCard::readAuthCaCertificate()
{
    return readCertificate(EfAuthCaCert, core::Errc::FileNotFound);
}

core::Result<QByteArray> JpkiCard::readSignCaCertificate()
{
    return readCertificate(EfSignCaCert, core::Errc::FileNotFound);
}

core::Result<QByteArray> JpkiCard::readSigningCertificate()
{
    return readCertificate(EfSignCert, core::Errc::NoSigningCertificate);
}

core::Result<QByteArray> JpkiCard::readCertificate(quint16 efId, core::Errc whenMissing)
{
    auto tx = transaction();
    if (!tx) {
        return core::fail(tx.error());
    }
    if (auto ef = selectFile(Application::Jpki, efId); !ef) {
        if (ef.error().code == core::Errc::FileNotFound) {
            return core::fail(whenMissing, fid(efId) + QStringLiteral(" not on this card"), ef.error().nativeCode);
        }
        return core::fail(ef.error());
    }
    auto der = readObject(ObjectFormat::Der);
    if (der && !der->startsWith('\x30')) {
        // An empty (erased) EF reads as padding; a certificate is a SEQUENCE (RFC 5280 §4.1).
        return core::fail(core::Errc::MalformedDer, fid(efId) + QStringLiteral(" holds no certificate"));
    }
    return der;
}

bool JpkiCard::useExtended() const
{
    return m_options.allowExtendedLength && m_connection.supportsExtendedLength();
}

core::Result<QByteArray> JpkiCard::readObject(ObjectFormat format)
{
    // jpki-card.md §4: EFs are padded; read a header, decode the length, read exactly that much.
    auto probe = Iso7816::readBinary(m_connection, 0, m_options.probeLength);
    if (!probe) {
        return core::fail(note(probe.error()));
    }
    int total = 0;
    if (format == ObjectFormat::Der) {
        auto header = DerLength::decode(*probe);
        if (!header) {
            return core::fail(header.error());
        }
        total = static_cast<int>(std::min<qint64>(header->totalLength(), MaxObjectLength + 1));
    } else {
        auto header = Tlv::parseHeader(*probe);
        if (!header) {
            return core::fail(header.error());
        }
        total = header->totalLength();
    }
    if (total > MaxObjectLength) {
        return core::fail(core::Errc::MalformedResponse, QStringLiteral("object longer than a READ BINARY reaches"));
    }
    QByteArray object = probe->left(total); // the probe's bytes are kept, never read again
    if (auto rest = readRest(object, total); !rest) {
        return core::fail(rest.error());
    }
    return object;
}

core::Result<void> JpkiCard::readRest(QByteArray& object, int total)
{
    const bool extended = useExtended();
    while (object.size() < total) {
        const int want = static_cast<int>(total - object.size());
        const int chunk = extended ? want : std::min(want, static_cast<int>(CommandApdu::MaxShortLe));
        auto part = Iso7816::readBinary(m_connection, static_cast<int>(object.size()), chunk, extended);
        if (!part) {
            return core::fail(note(part.error()));
        }
        if (part->isEmpty() || part->size() > chunk) {
            return core::fail(core::Errc::MalformedResponse,
                              QStringLiteral("READ BINARY gave %1 bytes for %2").arg(part->size()).arg(chunk));
        }
        object += *part;
    }
    return {};
}

QByteArray JpkiCard::sha256DigestInfo(QByteArrayView sha256Digest)
{
    QByteArray info(Sha256DigestInfoPrefix, sizeof(Sha256DigestInfoPrefix) - 1);
    info += sha256Digest;
    return info;
}

core::Result<QByteArray> JpkiCard::signWithAuthKey(QByteArrayView sha256Digest)
{
    return sign(EfAuthKey, sha256Digest);
}

core::Result<QByteArray> JpkiCard::signWithSignKey(QByteArrayView sha256Digest)
{
    return sign(EfSignKey, sha256Digest);
}

core::Result<QByteArray> JpkiCard::sign(quint16 keyFid, QByteArrayView sha256Digest)
{
    if (sha256Digest.size() != Sha256Length) {
        return core::fail(core::Errc::InvalidArgument,
                          QStringLiteral("SHA-256 digest of %1 bytes").arg(sha256Digest.size()));
    }
    auto tx = transaction();
    if (!tx) {
        return core::fail(tx.error());
    }
    if (auto ef = selectFile(Application::Jpki, keyFid); !ef) {
        if (keyFid == EfSignKey && ef.error().code == core::Errc::FileNotFound) {
            return core::fail(core::Errc::NoSigningCertificate, QStringLiteral("no signing key"),
                              ef.error().nativeCode);
        }
        return core::fail(ef.error());
    }
    // jpki-card.md §4: proprietary CLA 80; the card adds the PKCS#1 v1.5 padding itself.
    auto signature = Iso7816::transmitOk(
        m_connection,
        CommandApdu(0x80, 0x2A, 0x00, 0x80).withData(sha256DigestInfo(sha256Digest)).withLe(SignatureLength));
    if (!signature) {
        return core::fail(note(signature.error()));
    }
    if (signature->size() != SignatureLength) {
        return core::fail(core::Errc::MalformedResponse,
                          QStringLiteral("signature of %1 bytes").arg(signature->size()));
    }
    return signature;
}

core::Result<BasicFacts> JpkiCard::readBasicFacts()
{
    auto tx = transaction();
    if (!tx) {
        return core::fail(tx.error());
    }
    if (auto ef = selectFile(Application::Text, EfTextFacts); !ef) {
        return core::fail(ef.error());
    }
    auto bytes = readObject(ObjectFormat::Tlv);
    if (!bytes) {
        return core::fail(bytes.error());
    }
    return parseBasicFacts(*bytes);
}

core::Result<BasicFacts> JpkiCard::parseBasicFacts(QByteArrayView ef0002)
{
    auto nodes = Tlv::parse(ef0002);
    if (!nodes) {
        return core::fail(nodes.error());
    }
    const TlvNode* outer = nodes->isEmpty() ? nullptr : &nodes->front();
    const auto text = [outer](quint32 tag) -> const QByteArray* {
        const TlvNode* node = outer ? outer->child(tag) : nullptr;
        return node ? &node->value : nullptr;
    };
    const QByteArray* name = text(0xDF22);
    const QByteArray* address = text(0xDF23);
    const QByteArray* birth = text(0xDF24);
    const QByteArray* sex = text(0xDF25);
    if (!outer || outer->tag != 0xFF20 || !name || !address || !birth || !sex) {
        return core::fail(core::Errc::MalformedResponse, QStringLiteral("EF 0002 is not FF20 {DF22..DF25}"));
    }
    const bool birthOk =
        birth->size() == 8 && std::all_of(birth->begin(), birth->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!birthOk || sex->size() != 1) {
        return core::fail(core::Errc::MalformedResponse, QStringLiteral("EF 0002 birth date or sex malformed"));
    }
    return BasicFacts{QString::fromUtf8(*name), QString::fromUtf8(*address), QString::fromLatin1(*birth),
                      QString::fromLatin1(*sex)};
}

core::Result<void> JpkiCard::reconnect()
{
    m_selected = Application::None; // jpki-card.md §1: re-SELECT after any reset
    if (auto done = m_connection.reconnect(); !done) {
        return core::fail(note(done.error()));
    }
    return {};
}

} // namespace madoguchi::card
