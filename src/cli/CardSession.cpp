#include "cli/CardSession.h"

#include "card/PcscBackend.h"
#include "sim/TrainingBackend.h"

#include <QDir>
#include <QStandardPaths>

namespace madoguchi::cli {

using core::Errc;

namespace {

core::Result<QString> valueOf(const QStringList& args, qsizetype& i)
{
    if (i + 1 >= args.size()) {
        return core::fail(Errc::InvalidArgument, QStringLiteral("missing value for ") + args.at(i));
    }
    return args.at(++i);
}

core::Result<pki::TrustMode> parseTrust(const QString& value)
{
    if (value == QStringLiteral("training")) {
        return pki::TrustMode::Training;
    }
    if (value == QStringLiteral("production")) {
        return pki::TrustMode::Production;
    }
    return core::fail(Errc::InvalidArgument, QStringLiteral("--trust wants training or production"));
}

} // namespace

core::Result<CardOptions> CardOptions::parse(const QStringList& args)
{
    CardOptions o;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (arg == QStringLiteral("--extended")) {
            o.extended = true;
        } else if (arg == QStringLiteral("--confirm-last-try")) {
            o.confirmLastTry = true;
        } else if (arg == QStringLiteral("--reader") || arg == QStringLiteral("--training") ||
                   arg == QStringLiteral("--trust") || arg == QStringLiteral("--pin")) {
            auto value = valueOf(args, i);
            if (!value) {
                return core::fail(value.error());
            }
            if (arg == QStringLiteral("--reader")) {
                o.reader = *value;
            } else if (arg == QStringLiteral("--training")) {
                o.trainingId = *value;
            } else if (arg == QStringLiteral("--pin")) {
                o.pin = *value;
            } else if (auto trust = parseTrust(*value)) {
                o.trust = *trust;
            } else {
                return core::fail(trust.error());
            }
        } else {
            o.rest << arg;
        }
    }
    return o;
}

CardSession::CardSession(CardOptions options) : m_options(std::move(options)) {}
CardSession::~CardSession() = default;
CardSession::CardSession(CardSession&&) noexcept = default;
CardSession& CardSession::operator=(CardSession&&) noexcept = default;

core::Result<pki::DemoSet> CardSession::cachedDemoSet()
{
    // Deterministic set (fixed seed and clock): the cached copy equals a fresh one, and loading it
    // takes milliseconds where generating it takes seconds of RSA key generation.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/demo-set");
    if (QDir(dir).exists()) {
        if (auto loaded = pki::DemoSet::loadFrom(dir)) {
            return loaded;
        }
    }
    auto made = pki::makeDemoSet();
    if (made) {
        (void)made->saveTo(dir); // a failed save only costs time on the next run
    }
    return made;
}

core::Result<CardSession> CardSession::open(const CardOptions& options)
{
    CardSession session(options);
    if (options.trainingId.isEmpty()) {
        session.m_backend = std::make_unique<card::PcscBackend>(card::PcscBackendOptions{options.extended});
        return session;
    }
    auto demo = cachedDemoSet();
    if (!demo) {
        return core::fail(demo.error());
    }
    const pki::DemoResident* resident = demo->resident(options.trainingId);
    if (!resident) {
        return core::fail(Errc::InvalidArgument, QStringLiteral("no demo card \"%1\"").arg(options.trainingId));
    }
    sim::JpkiCardSim::Options simOptions;
    simOptions.extendedLength = options.extended;
    auto training = std::make_unique<sim::TrainingBackend>(1, simOptions);
    if (auto inserted = training->insert(*resident); !inserted) {
        return core::fail(inserted.error());
    }
    session.m_backend = std::move(training);
    session.m_demoSet = std::move(*demo);
    return session;
}

core::Result<std::unique_ptr<card::CardConnection>> CardSession::connect()
{
    auto readers = m_backend->readers();
    if (!readers) {
        return core::fail(readers.error());
    }
    if (readers->isEmpty()) {
        return core::fail(Errc::NoReaders, QStringLiteral("no reader attached"));
    }
    for (const card::ReaderState& reader : *readers) {
        if (!m_options.reader.isEmpty() && reader.name != m_options.reader) {
            continue;
        }
        if (reader.cardPresent) {
            return m_backend->connect(reader.name);
        }
        if (!m_options.reader.isEmpty()) {
            return core::fail(Errc::NoCard, QStringLiteral("no card in ") + reader.name);
        }
    }
    if (!m_options.reader.isEmpty()) {
        return core::fail(Errc::ReaderUnavailable, QStringLiteral("no reader named ") + m_options.reader);
    }
    return core::fail(Errc::NoCard, QStringLiteral("no card in any reader"));
}

core::Result<pki::TrustStore> CardSession::trustStore()
{
    const pki::TrustMode mode = m_options.trustMode();
    auto store = pki::TrustStore::load(mode);
    if (!store || mode == pki::TrustMode::Production) {
        return store;
    }
    if (!m_demoSet) {
        auto demo = cachedDemoSet();
        if (!demo) {
            return core::fail(demo.error());
        }
        m_demoSet = std::move(*demo);
    }
    for (const QByteArray& ca : {m_demoSet->authCaCertDer, m_demoSet->signCaCertDer}) {
        if (auto added = store->addTestAnchor(ca); !added) {
            return core::fail(added.error());
        }
    }
    return store;
}

} // namespace madoguchi::cli
