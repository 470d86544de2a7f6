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

    QString readerName;
    Kind kind = Kind::Unknown;
    bool hasPins = true;        // false on a face-authentication card
    QByteArray issuerKeyId;     // card identity part 1 (architecture.md §3)
    QByteArray serial;          // card identity part 2 (auth cert serial)
    QString issuerName;
    QDateTime notBefore;
    QDateTime notAfter;
    ChainStatus chain = ChainStatus::NotChecked;
    std::optional<core::Error> chainError;
    int apduCount = 0;
    qint64 elapsedMicros = 0;
};

} // namespace madoguchi::services

Q_DECLARE_METATYPE(madoguchi::services::CardSummary)
