#include "card/JpkiTypes.h"

namespace madoguchi::card {

QString tokenKindName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::MyNumberCard:
        return QStringLiteral("my_number_card");
    case TokenKind::JukiCard:
        return QStringLiteral("juki_card");
    case TokenKind::Smartphone:
        return QStringLiteral("smartphone");
    case TokenKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString pinKindName(PinKind kind)
{
    switch (kind) {
    case PinKind::Auth:
        return QStringLiteral("auth PIN");
    case PinKind::Sign:
        return QStringLiteral("signing password");
    case PinKind::Text:
        return QStringLiteral("text-AP PIN");
    }
    return QStringLiteral("PIN");
}

} // namespace madoguchi::card
