#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace madoguchi::pki {

// Which kind of card a demo resident carries (jpki-card.md §2 EF 0006 token; §4 face-auth cards).
enum class DemoCardKind
{
    MyNumberCard,   // JPKIAPICCTOKEN2
    JukiCard,       // JPKIAPICCTOKEN (old 住基カード)
    Smartphone,     // JPKIAPGPSETOKEN
    FaceAuthCard,   // My Number Card without PINs and signing cert (since 2023-12)
};

struct DemoPin
{
    QByteArray value; // test PIN of a *simulated* card; never a real resident's
    int triesLeft = 3;
    int maxTries = 3;
};

// The four basic facts of the Text AP (jpki-card.md §3), as the simulated card holds them.
struct DemoBasicFacts
{
    QString name;
    QString address;
    QString birthDate; // YYYYMMDD
    QString sex;       // "1", "2" or "9"
};

// Everything a simulated card needs: produced by the test PKI, consumed by the card simulator.
struct DemoResident
{
    QString id;          // stable key: "valid", "moved", "lost", "renewed", "expired", "face-auth", ...
    QString description; // English, for trainers and logs
    DemoCardKind kind = DemoCardKind::MyNumberCard;

    QByteArray authCertDer;
    QByteArray authCaCertDer;
    QByteArray authKeyPkcs8Der;
    QByteArray signCertDer;      // empty: no signing cert (face-auth, under 15)
    QByteArray signCaCertDer;
    QByteArray signKeyPkcs8Der;  // empty with signCertDer

    std::optional<DemoPin> authPin; // 4 digits, 3 tries; none on a face-auth card
    std::optional<DemoPin> signPin; // 6–16 of A–Z 0–9, 5 tries
    std::optional<DemoPin> textPin; // 4 digits, 3 tries
    DemoBasicFacts facts;
    // A syntactically valid *test* individual number (jpki-card.md §7) that only the simulator holds,
    // so tests can prove it never leaks into Madoguchi's logs, database or exports.
    QByteArray testIndividualNumber;
};

} // namespace madoguchi::pki
