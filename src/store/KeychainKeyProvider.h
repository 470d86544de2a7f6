#pragma once

#include "store/KeyProvider.h"

#include <QString>

#include <chrono>

namespace madoguchi::store {

// The database key kept in the OS keychain through qtkeychain (issue 4 item 2): Secret Service or
// KWallet on Linux, the Keychain on macOS, the Credential Store on Windows. Built only when
// qtkeychain is found (MADOGUCHI_HAVE_QTKEYCHAIN); the passphrase-wrapped key file
// (PassphraseKeyProvider) stays the headless default for the CLI, tests and servers.
//
// The jobs are asynchronous; each call here runs a local event loop until the job finishes, so it
// must run on a thread with a QCoreApplication (the GUI thread at start-up, before the window).
// The key passes through a QByteArray inside qtkeychain; our copies are wiped after use.
class KeychainKeyProvider final : public KeyProvider
{
public:
    // `entry` names the key in the keychain: one entry per database (its absolute path).
    explicit KeychainKeyProvider(QString entry, QString service = QStringLiteral("Madoguchi"));

    // Errc::NotFound when no key is stored for this entry, Errc::Unsupported when no keychain
    // service runs (headless Linux without a Secret Service daemon), Errc::PermissionDenied when the
    // user or the OS refused access.
    [[nodiscard]] core::Result<core::SecureBytes> databaseKey() override;
    [[nodiscard]] core::Result<void> storeDatabaseKey(const core::SecureBytes& key) override;
    [[nodiscard]] core::Result<void> removeDatabaseKey() override;

    // Whether a keychain answers: reads an entry that never exists. EntryNotFound means a working,
    // unlocked keychain; anything else is the reason it cannot be used: PermissionDenied (refused),
    // Unsupported (no backend, or D-Bus errors: no keychain service here), and no answer within
    // `timeout` is Errc::Timeout (a locked keychain waiting for a prompt nobody sees).
    [[nodiscard]] static core::Result<void> probe(const QString& service, std::chrono::milliseconds timeout);

private:
    QString m_service;
    QString m_entry;
};

} // namespace madoguchi::store
