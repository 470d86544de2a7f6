#pragma once

#include "store/KeyFile.h"
#include "store/KeyProvider.h"

#include <QString>

namespace madoguchi::store {

// The database key wrapped by an administrator passphrase in a KeyFile. Headless use (CLI, tests)
// reads the passphrase from the environment or a file: see fromEnvironmentOrFile().
class PassphraseKeyProvider final : public KeyProvider
{
public:
    PassphraseKeyProvider(QString keyFilePath, core::SecureBytes passphrase, KdfParams params = {});

    [[nodiscard]] core::Result<core::SecureBytes> databaseKey() override;
    [[nodiscard]] core::Result<void> storeDatabaseKey(const core::SecureBytes& key) override;
    // New passphrase, same database key: only the key file changes.
    [[nodiscard]] core::Result<void> changePassphrase(core::SecureBytes newPassphrase);

    // The passphrase from `passphraseFile` when given (first line, trailing newline cut), else from
    // the environment variable `envName`. Errc::InvalidArgument when neither gives one.
    [[nodiscard]] static core::Result<core::SecureBytes> readPassphrase(const QString& passphraseFile,
                                                                        const char* envName);

private:
    QString m_path;
    core::SecureBytes m_passphrase;
    KdfParams m_params;
};

} // namespace madoguchi::store
