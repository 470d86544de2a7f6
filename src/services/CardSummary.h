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

    // The auth cert's revocation verdict (issue 3 items 6, 9) from the RevocationService — CRL, OCSP, the
    // platform's feed, in the order the policy gives — and where it came from; "unknown" is never "good"
    // (architecture.md §5).
    struct Revocation
    {
        enum class State
        {
            NotChecked,
            Good,
            Revoked,
            Unknown,
        };
        // The source that decided; for Unknown by error, the last source asked (None: none configured).
        enum class Via
        {
            None,
            Crl,
            Ocsp,
            PlatformFeed,
        };
        State state = State::NotChecked;
        Via via = Via::None;
        int reasonCode = 255; // RFC 5280 §5.3.1; 255 = not given
        QDateTime revokedAt;
        enum class Why
        {
            None,
            NoCrlOfIssuer,    // no loaded CRL covers the issuer (and nothing else answered)
            CrlStale,         // the CRL is past nextUpdate or older than the policy allows
            NoAnswer,         // every source consulted failed (down, timeout, bad signature …)
            NoSource,         // no revocation source is configured
            ResponderUnknown, // the OCSP responder answered "unknown" (RFC 6960 §2.2)
        };
        Why why = Why::None;          // Unknown: why
        QString source;               // CRL: its issuer; OCSP: the responder URL; feed: its name
        QDateTime sourceTime;         // CRL: thisUpdate; OCSP: producedAt; feed: when it was current
        qint64 sourceAgeSeconds = -1; // now − sourceTime when the verdict was made; -1 unknown
        bool sourceStale = false;
        QString detail; // one technical line (the service's reasoning) for the support log and a tooltip
    };

    QString readerName;
    Kind kind = Kind::Unknown;
    bool hasPins = true;      // false on a face-authentication card
    QByteArray issuerKeyId;   // card identity part 1 (architecture.md §3)
    QByteArray serial;        // card identity part 2 (auth cert serial)
    QByteArray certDer;       // the auth cert (no personal data, jpki-card.md §5): revocation queries need it
    QByteArray issuerCertDer; // the trust anchor it chains to (OCSP CertID); empty if untrusted
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
