#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/SecureBytes.h"
#include "services/OperatorAccount.h"
#include "services/StoreSession.h"
#include "store/Keychain.h"

#include <QString>

#include <optional>

namespace madoguchi::services {

class ChangeRecorder;

// First-run set-up (issue 6 item 1): the counter's database, its key file wrapped by the
// administrator's passphrase, and the first admin account. And the training counter: the same with
// documented TEST credentials and one demo operator per role, so a trainee reaches a usable window
// at once. Never use the training credentials for real data: the training database lives apart.
class CounterSetup final
{
public:
    CounterSetup() = delete;

    // Documented in README / docs (training only): printed on the sign-in screen, marked TEST.
    static constexpr const char* TrainingPassphrase = "TEST-madoguchi-training";
    static constexpr const char* TrainingPassword = "training";
    static constexpr int MinPassphraseLength = 12;

    [[nodiscard]] static QString databasePath(const QString& dataDir);         // <dataDir>/madoguchi.db
    [[nodiscard]] static QString trainingDatabasePath(const QString& dataDir); // <dataDir>/training/…
    [[nodiscard]] static bool exists(const QString& databasePath);

    // Creates the database and its first admin; on any failure nothing is left behind. With
    // `keychain` the key also goes into the OS keychain and `passphrase` is the recovery passphrase.
    [[nodiscard]] static core::Result<StoreSession>
    createCounter(const QString& databasePath, core::SecureBytes passphrase, const NewOperator& admin,
                  const core::SecureBytes& adminPassword, const core::Clock& clock, ChangeRecorder* recorder = nullptr,
                  store::KdfParams kdf = {}, std::unique_ptr<store::KeyProvider> keychain = nullptr);

    // The start of an existing counter before any prompt (issue 4 item 2).
    struct Unlock
    {
        std::optional<StoreSession> session; // opened from the keychain: no prompt needed
        // Set when the key file records the keychain but that route failed: say why, then ask for the
        // recovery passphrase (and open with keychain.providerFor(), which repairs the entry).
        std::optional<core::Error> keychainProblem;
    };
    // Neither set: a passphrase-only counter, ask for the passphrase as always.
    [[nodiscard]] static Unlock unlockWithoutPrompt(const QString& databasePath, store::Keychain& keychain);
    // Opens the training database, creating it (and the demo operators) the first time.
    [[nodiscard]] static core::Result<StoreSession>
    openOrCreateTraining(const QString& dataDir, const core::Clock& clock, ChangeRecorder* recorder = nullptr);
    // The demo operator of each role in the training database: admin, staff, clerk, auditor.
    [[nodiscard]] static QString trainingLoginFor(Role role);

    // A rough strength estimate for the passphrase hint: bits from length and character classes.
    [[nodiscard]] static int passphraseBits(const QString& passphrase);
};

} // namespace madoguchi::services
