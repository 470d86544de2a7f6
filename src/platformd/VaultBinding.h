#pragma once

#include "platformd/ApiSupport.h"
#include "platformd/TokenVault.h"

#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace madoguchi::platformd {

class PgConnection;
struct LinkageItem;

// The vault side of a linkage push (docs/vault.md), in the push's transaction: a credit-card item
// that carries its sealed number is opened BEFORE the item is decided, so a number that does not
// open (garbage, another key) or does not match the linkage's last4 rejects that item alone; once the
// item is applied (or was already there) the number goes into vault_tokens and the vault token is
// bound to the linkage in linkage_vault. A linkage bound already is not opened again: its number
// never changes (a new card is a new linkage), and every later version may carry the same copy.
class VaultBinding final
{
public:
    VaultBinding(PgConnection& db, const TokenVault& vault, QString terminal)
        : m_db(db), m_vault(vault), m_terminal(std::move(terminal))
    {}

    // What prepare() found for one item: the token it is bound to already, or the opened number.
    struct Prepared
    {
        QString boundToken;
        std::optional<core::SecureBytes> pan;
    };

    // The current bindings of the batch's items that carry a number (one statement).
    [[nodiscard]] ApiResult<void> load(const std::vector<LinkageItem>& items);
    // An error here is the ITEM's rejection (422-style code and message, never the number).
    [[nodiscard]] ApiResult<Prepared> prepare(const LinkageItem& item) const;
    // Keeps the opened number and binds it (or answers the existing binding): the vault token.
    [[nodiscard]] ApiResult<QString> bind(const LinkageItem& item, Prepared& prepared);

private:
    [[nodiscard]] static QString keyOf(const LinkageItem& item);

    PgConnection& m_db;
    const TokenVault& m_vault;
    QString m_terminal;
    QHash<QString, QString> m_bound; // "cardId|linkageId" → vault token
};

} // namespace madoguchi::platformd
