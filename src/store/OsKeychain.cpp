#include "store/OsKeychain.h"

#ifdef MADOGUCHI_HAVE_QTKEYCHAIN
#include "store/KeychainKeyProvider.h"
#endif

#include <QFileInfo>

namespace madoguchi::store {

#ifndef MADOGUCHI_HAVE_QTKEYCHAIN
namespace {

core::Error notBuiltIn()
{
    return {core::Errc::Unsupported, QStringLiteral("this build has no OS keychain support (qtkeychain not found)"), 0};
}

class UnavailableKeyProvider final : public KeyProvider
{
public:
    core::Result<core::SecureBytes> databaseKey() override { return core::fail(notBuiltIn()); }
    core::Result<void> storeDatabaseKey(const core::SecureBytes&) override { return core::fail(notBuiltIn()); }
    core::Result<void> removeDatabaseKey() override { return core::fail(notBuiltIn()); }
};

} // namespace
#endif

OsKeychain::OsKeychain(QString service) : m_service(std::move(service)) {}

bool OsKeychain::isBuiltIn()
{
#ifdef MADOGUCHI_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

core::Result<void> OsKeychain::probe()
{
#ifdef MADOGUCHI_HAVE_QTKEYCHAIN
    return KeychainKeyProvider::probe(m_service, ProbeTimeout);
#else
    return core::fail(notBuiltIn());
#endif
}

std::unique_ptr<KeyProvider> OsKeychain::providerFor(const QString& databasePath)
{
#ifdef MADOGUCHI_HAVE_QTKEYCHAIN
    return std::make_unique<KeychainKeyProvider>(QFileInfo(databasePath).absoluteFilePath(), m_service);
#else
    Q_UNUSED(databasePath)
    return std::make_unique<UnavailableKeyProvider>();
#endif
}

} // namespace madoguchi::store
