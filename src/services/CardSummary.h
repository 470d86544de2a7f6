#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace madoguchi::services {

// What the counter sees of an inserted card after the free reads (no PIN): enough to recognise the
// card, never personal data (the auth cert carries none, jpki-card.md §5).
struct CardSummary
{
    enum class Kind
    {
        Unknown,
        MyNumberCard,
        JukiCard,
        Smartphone,
    };
    enum class ChainStatus
    {
        NotChecked,
        Trusted,
        TrustedTestPki, // chains to a training/test root: the GUI shows the TEST PKI banner
        Untrusted,
    };

    // What the revocation lists say about the auth cert (issue 3 item 9), from the CRL cache (fast,
    // on the GUI thread); "unknown" is never "good" (architecture.md §5).
    struct Revocation
    {
        enum class State
        {
            NotChecked,
            Good,
            Revoked,
            Unknown,
        };
        State state = State::NotChecked;
        int reasonCode = 255; // RFC 5280 §5.3.1; 255 = not given
        QDateTime revokedAt;
        enum class Why
        {
            None,
            NoCrlOfIssuer,
            CrlStale,
        };
        Why why = Why::None;  // Unknown: why
        QString source;       // the CRL's issuer
        QDateTime sourceTime; // the CRL's thisUpdate
        bool sourceStale = false;
    };

    QString readerName;
    Kind kind = Kind::Unknown;
    bool hasPins = true;    // false on a face-authentication card
    QByteArray issuerKeyId; // card identity part 1 (architecture.md §3)
    QByteArray serial;      // card identity part 2 (auth cert serial)
    QString issuerName;
    QDateTime notBefore;
    QDateTime notAfter;
    ChainStatus chain = ChainStatus::NotChecked;
    std::optional<core::Error> chainError;
    Revocation revocation;
    int apduCount = 0;
    qint64 elapsedMicros = 0;
};

} // namespace madoguchi::services

Q_DECLARE_METATYPE(madoguchi::services::CardSummary)
