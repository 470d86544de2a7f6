#pragma once

// An in-memory OS keychain for tests (issue 4 item 2): the first-run choice and the unlock route are
// tested where no keychain daemon runs. Entries by database path; switches for the failures a real
// keychain shows (no service, locked, entry gone).
#include "store/Keychain.h"

#include <QFileInfo>
#include <QMap>

#include <optional>

namespace madoguchi::test {

class FakeKeychain final : public store::Keychain
{
public:
    struct State
    {
        QMap<QString, QByteArray> entries;
        std::optional<core::Error> probeFailure; // probe() answers this
        std::optional<core::Error> readFailure;  // every databaseKey() answers this (a locked keychain)
        std::optional<core::Error> writeFailure; // every storeDatabaseKey() answers this
        int writes = 0;
    };

    core::Result<void> probe() override
    {
        if (m_state->probeFailure) {
            return core::fail(*m_state->probeFailure);
        }
        return {};
    }

    std::unique_ptr<store::KeyProvider> providerFor(const QString& databasePath) override
    {
        return std::make_unique<Provider>(m_state, QFileInfo(databasePath).absoluteFilePath());
    }

    [[nodiscard]] State& state() { return *m_state; }
    [[nodiscard]] QByteArray entryFor(const QString& databasePath) const
    {
        return m_state->entries.value(QFileInfo(databasePath).absoluteFilePath());
    }
    void setEntry(const QString& databasePath, const QByteArray& key)
    {
        m_state->entries.insert(QFileInfo(databasePath).absoluteFilePath(), key);
    }
    void removeEntry(const QString& databasePath)
    {
        m_state->entries.remove(QFileInfo(databasePath).absoluteFilePath());
    }

private:
    class Provider final : public store::KeyProvider
    {
    public:
        Provider(std::shared_ptr<State> state, QString entry) : m_state(std::move(state)), m_entry(std::move(entry)) {}

        core::Result<core::SecureBytes> databaseKey() override
        {
            if (m_state->readFailure) {
                return core::fail(*m_state->readFailure);
            }
            if (!m_state->entries.contains(m_entry)) {
                return core::fail(core::Errc::NotFound, QStringLiteral("fake keychain: no entry"));
            }
            return core::SecureBytes(QByteArrayView(m_state->entries.value(m_entry)));
        }
        core::Result<void> storeDatabaseKey(const core::SecureBytes& key) override
        {
            if (m_state->writeFailure) {
                return core::fail(*m_state->writeFailure);
            }
            ++m_state->writes;
            m_state->entries.insert(m_entry, key.view().toByteArray());
            return {};
        }
        core::Result<void> removeDatabaseKey() override
        {
            m_state->entries.remove(m_entry);
            return {};
        }

    private:
        std::shared_ptr<State> m_state;
        QString m_entry;
    };

    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace madoguchi::test
