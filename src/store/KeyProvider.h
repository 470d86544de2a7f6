#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"

namespace madoguchi::store {

// Where the 32-byte database key comes from (architecture.md §4): a passphrase-wrapped key file
// (PassphraseKeyProvider) or the OS keychain (KeychainKeyProvider, through store::Keychain).
class KeyProvider
{
public:
    virtual ~KeyProvider() = default;
    // The database key; Errc::WrongKey when the secret that guards it does not fit.
    [[nodiscard]] virtual core::Result<core::SecureBytes> databaseKey() = 0;
    // Stores (or replaces) the database key under this provider's protection.
    [[nodiscard]] virtual core::Result<void> storeDatabaseKey(const core::SecureBytes& key) = 0;
    // Forgets the key (used when a database stops using the keychain); absent already is success.
    [[nodiscard]] virtual core::Result<void> removeDatabaseKey()
    {
        return core::fail(core::Errc::Unsupported, QStringLiteral("this key provider cannot remove its key"));
    }
};

} // namespace madoguchi::store
