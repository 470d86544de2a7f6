#pragma once

#include "store/Keychain.h"

#include <chrono>

namespace madoguchi::store {

// The real OS keychain through qtkeychain (KeychainKeyProvider) when this build has it
// (MADOGUCHI_HAVE_QTKEYCHAIN); without it probe() answers Errc::Unsupported with nativeCode 0 and
// every provider fails the same way, so callers need no #ifdef.
class OsKeychain final : public Keychain
{
public:
    // A probe waits at most this long: a keychain that shows an unlock prompt nobody can answer
    // (no display) must not hold up the first-run page.
    static constexpr std::chrono::milliseconds ProbeTimeout{5000};

    explicit OsKeychain(QString service = QStringLiteral("Madoguchi"));

    [[nodiscard]] static bool isBuiltIn();
    [[nodiscard]] core::Result<void> probe() override;
    // Entry = the database's absolute path, so two databases on one computer never share a key.
    [[nodiscard]] std::unique_ptr<KeyProvider> providerFor(const QString& databasePath) override;

private:
    QString m_service;
};

} // namespace madoguchi::store
