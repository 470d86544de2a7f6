#pragma once

#include "core/Result.h"
#include "store/KeyProvider.h"

#include <QString>

#include <memory>

namespace madoguchi::store {

// The OS keychain as the app sees it (issue 4 item 2): can it be used on this computer, and the key
// provider for one database. An interface so the first-run choice and the unlock route are tested
// with a fake (tests/services/FakeKeychain.h) where no keychain daemon runs; OsKeychain is the real one.
class Keychain
{
public:
    virtual ~Keychain() = default;
    // Nothing when a keychain answers here; else why not, for the first-run page to say in words:
    // Errc::Unsupported (not built in: nativeCode 0; no keychain service: nativeCode ≠ 0),
    // PermissionDenied (locked or refused), Timeout (no answer; a locked keychain waiting for a prompt).
    [[nodiscard]] virtual core::Result<void> probe() = 0;
    // The provider of the key of the database at `databasePath` (one entry per database).
    [[nodiscard]] virtual std::unique_ptr<KeyProvider> providerFor(const QString& databasePath) = 0;
};

} // namespace madoguchi::store
