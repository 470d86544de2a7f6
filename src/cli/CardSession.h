#pragma once

#include "card/CardConnection.h"
#include "card/ReaderBackend.h"
#include "core/Result.h"
#include "pki/DemoSet.h"
#include "pki/TrustStore.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace madoguchi::cli {

// The options every `madoguchi-cli card` verb shares (see cardCommands() usage).
struct CardOptions
{
    QString reader;                      // --reader NAME; empty: the first reader with a card
    QString trainingId;                  // --training ID: an in-process training reader with demo card ID
    bool extended = false;               // --extended: allow extended-length APDUs
    std::optional<pki::TrustMode> trust; // --trust training|production; default by backend
    QString pin;                         // --pin auth|sign|text (verify-pin, pin-status)
    bool confirmLastTry = false;         // --confirm-last-try
    QStringList rest;                    // anything else (a verb may accept it)

    // `args` after the verb. Fails with Errc::InvalidArgument and a usage message.
    [[nodiscard]] static core::Result<CardOptions> parse(const QStringList& args);
    [[nodiscard]] pki::TrustMode trustMode() const
    {
        return trust.value_or(trainingId.isEmpty() ? pki::TrustMode::Production : pki::TrustMode::Training);
    }
};

// One CLI run's card access: PC/SC or the training reader, the chosen reader, the trust store.
// Single-threaded: the CLI's main thread is its card thread (architecture.md §2).
class CardSession final
{
public:
    [[nodiscard]] static core::Result<CardSession> open(const CardOptions& options);
    ~CardSession();
    CardSession(CardSession&&) noexcept;
    CardSession& operator=(CardSession&&) noexcept;

    [[nodiscard]] card::ReaderBackend& backend() { return *m_backend; }
    [[nodiscard]] QString backendName() const { return m_backend->backendName(); }
    [[nodiscard]] QString trustModeName() const
    {
        return m_options.trustMode() == pki::TrustMode::Training ? QStringLiteral("training")
                                                                 : QStringLiteral("production");
    }
    // NoService / NoReaders / NoCard / ReaderUnavailable (no reader of that name) as the case is.
    [[nodiscard]] core::Result<std::unique_ptr<card::CardConnection>> connect();
    // Production: J-LIS roots; training: also the demo set's TEST roots.
    [[nodiscard]] core::Result<pki::TrustStore> trustStore();

    // The demo set, from the per-user cache (QStandardPaths::CacheLocation) or generated once.
    [[nodiscard]] static core::Result<pki::DemoSet> cachedDemoSet();

private:
    explicit CardSession(CardOptions options);

    CardOptions m_options;
    std::unique_ptr<card::ReaderBackend> m_backend;
    std::optional<pki::DemoSet> m_demoSet;
};

} // namespace madoguchi::cli
