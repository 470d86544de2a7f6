#include "store/PassphraseKeyProvider.h"

#include <QFile>

#include <cstdlib>
#include <cstring>

namespace madoguchi::store {

PassphraseKeyProvider::PassphraseKeyProvider(QString keyFilePath, core::SecureBytes passphrase, KdfParams params)
    : m_path(std::move(keyFilePath)), m_passphrase(std::move(passphrase)), m_params(params)
{}

core::Result<core::SecureBytes> PassphraseKeyProvider::databaseKey()
{
    return KeyFile::unwrap(m_path, m_passphrase);
}

core::Result<void> PassphraseKeyProvider::storeDatabaseKey(const core::SecureBytes& key)
{
    return KeyFile::write(m_path, key, m_passphrase, m_params);
}

core::Result<void> PassphraseKeyProvider::changePassphrase(core::SecureBytes newPassphrase)
{
    auto key = databaseKey();
    if (!key) {
        return core::fail(key.error());
    }
    if (auto written = KeyFile::write(m_path, *key, newPassphrase, m_params); !written) {
        return written;
    }
    m_passphrase = std::move(newPassphrase);
    return {};
}

core::Result<core::SecureBytes> PassphraseKeyProvider::readPassphrase(const QString& passphraseFile,
                                                                      const char* envName)
{
    if (!passphraseFile.isEmpty()) {
        QFile file(passphraseFile);
        if (!file.open(QIODevice::ReadOnly)) {
            return core::fail(core::Errc::Io, QStringLiteral("cannot read passphrase file %1").arg(passphraseFile));
        }
        core::SecureBytes secret;
        char c = 0;
        while (file.getChar(&c) && c != '\n' && c != '\r') {
            secret.append(static_cast<std::uint8_t>(c));
        }
        c = 0;
        if (secret.isEmpty()) {
            return core::fail(core::Errc::InvalidArgument, QStringLiteral("passphrase file is empty"));
        }
        return secret;
    }
    const char* value = std::getenv(envName);
    if (value == nullptr || *value == '\0') {
        return core::fail(
            core::Errc::InvalidArgument,
            QStringLiteral("no passphrase: set %1 or use --passphrase-file").arg(QString::fromLatin1(envName)));
    }
    return core::SecureBytes(value, std::strlen(value));
}

} // namespace madoguchi::store
