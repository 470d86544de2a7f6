#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"

namespace madoguchi::store {

// Where the 32-byte database key comes from (architecture.md §4). Today: a passphrase-wrapped key
// file (PassphraseKeyProvider). Later: the OS keychain (qtkeychain) behind the same interface.
class KeyProvider
{
public:
    virtual ~KeyProvider() = default;
    // The database key; Errc::WrongKey when the secret that guards it does not fit.
    [[nodiscard]] virtual core::Result<core::SecureBytes> databaseKey() = 0;
    // Stores (or replaces) the database key under this provider's protection.
    [[nodiscard]] virtual core::Result<void> storeDatabaseKey(const core::SecureBytes& key) = 0;
};

} // namespace madoguchi::store
