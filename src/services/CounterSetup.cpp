#include "services/CounterSetup.h"

#include "core/Logging.h"
#include "services/OperatorService.h"
#include "store/KeyFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <array>
#include <cmath>

namespace madoguchi::services {

namespace {

// The training credentials are public (docs/training-counter.md): an expensive KDF would protect
// nothing and cost the trainee ~0.6 s on the first start (key file + four operators at 2^15).
constexpr store::KdfParams TrainingKdf{10, 8, 1};

constexpr std::array AllRoles{Role::Admin, Role::MunicipalStaff, Role::InsurerClerk, Role::Auditor};

core::SecureBytes bytesOf(const char* text)
{
    return core::SecureBytes(QByteArrayView(text));
}

QString trainingNameFor(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("TEST Administrator");
    case Role::MunicipalStaff:
        return QStringLiteral("TEST Municipal staff");
    case Role::InsurerClerk:
        return QStringLiteral("TEST Insurer clerk");
    case Role::Auditor:
        return QStringLiteral("TEST Auditor");
    }
    return {};
}

void removeCounterFiles(const QString& databasePath)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile::remove(databasePath + suffix);
    }
    QFile::remove(store::KeyFile::defaultPathFor(databasePath));
}

} // namespace

QString CounterSetup::databasePath(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("madoguchi.db"));
}

QString CounterSetup::trainingDatabasePath(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("training/madoguchi-training.db"));
}

bool CounterSetup::exists(const QString& databasePath)
{
    return QFile::exists(databasePath) && QFile::exists(store::KeyFile::defaultPathFor(databasePath));
}

core::Result<StoreSession> CounterSetup::createCounter(const QString& databasePath, core::SecureBytes passphrase,
                                                       const NewOperator& admin, const core::SecureBytes& adminPassword,
                                                       const core::Clock& clock, ChangeRecorder* recorder,
                                                       store::KdfParams kdf,
                                                       std::unique_ptr<store::KeyProvider> keychain)
{
    if (passphrase.size() < static_cast<std::size_t>(MinPassphraseLength)) {
        return core::fail(core::Errc::InvalidArgument,
                          QStringLiteral("passphrase shorter than %1 characters").arg(MinPassphraseLength));
    }
    if (adminPassword.size() < static_cast<std::size_t>(OperatorService::MinPasswordLength)) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("administrator password too short"));
    }
    QDir().mkpath(QFileInfo(databasePath).absolutePath());
    auto session = StoreSession::create(databasePath, std::move(passphrase), kdf, std::move(keychain));
    if (!session) {
        return session;
    }
    OperatorServiceOptions options;
    options.kdf = kdf;
    OperatorService operators(session->database(), clock, recorder, options);
    if (auto created = operators.createFirstAdmin(admin, adminPassword); !created) {
        // A counter without an administrator could never be managed: start again from nothing (and
        // take the key out of the keychain, which the removal of the files below does not reach).
        if (session->keyWrapping() == store::KeyWrapping::KeychainAndPassphrase) {
            (void)session->stopUsingKeychain();
        }
        session = core::fail(created.error());
        removeCounterFiles(databasePath);
        return session;
    }
    qCInfo(lcServices) << "counter created at" << databasePath;
    return session;
}

CounterSetup::Unlock CounterSetup::unlockWithoutPrompt(const QString& databasePath, store::Keychain& keychain)
{
    auto wrapping = store::KeyFile::wrapping(store::KeyFile::defaultPathFor(databasePath));
    if (!wrapping || *wrapping != store::KeyWrapping::KeychainAndPassphrase) {
        return {}; // the passphrase route reports a damaged key file in its own words
    }
    // Probe first: a missing keychain answers at once with its reason, instead of per-call errors.
    if (auto reachable = keychain.probe(); !reachable) {
        return {std::nullopt, reachable.error()};
    }
    auto session =
        StoreSession::openFromKeychain(databasePath, keychain.providerFor(databasePath), StoreSession::Schema::Migrate);
    if (!session) {
        qCWarning(lcServices) << "the OS keychain did not open the counter:" << session.error().toString();
        return {std::nullopt, session.error()};
    }
    return {std::move(*session), std::nullopt};
}

core::Result<StoreSession> CounterSetup::openOrCreateTraining(const QString& dataDir, const core::Clock& clock,
                                                              ChangeRecorder* recorder)
{
    const QString path = trainingDatabasePath(dataDir);
    if (exists(path)) {
        return StoreSession::open(path, bytesOf(TrainingPassphrase), StoreSession::Schema::Migrate);
    }
    removeCounterFiles(path); // half-made leftovers
    const NewOperator admin{trainingLoginFor(Role::Admin), trainingNameFor(Role::Admin), Role::Admin};
    auto session = createCounter(path, bytesOf(TrainingPassphrase), admin, bytesOf(TrainingPassword), clock, recorder,
                                 TrainingKdf);
    if (!session) {
        return session;
    }
    OperatorServiceOptions options;
    options.kdf = TrainingKdf;
    OperatorService operators(session->database(), clock, recorder, options);
    const Operator creator{admin.login, Role::Admin};
    for (Role role : AllRoles) {
        if (role == Role::Admin) {
            continue;
        }
        const NewOperator demo{trainingLoginFor(role), trainingNameFor(role), role};
        if (auto added = operators.add(creator, demo, bytesOf(TrainingPassword)); !added) {
            return core::fail(added.error());
        }
    }
    return session;
}

QString CounterSetup::trainingLoginFor(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::MunicipalStaff:
        return QStringLiteral("staff");
    case Role::InsurerClerk:
        return QStringLiteral("clerk");
    case Role::Auditor:
        return QStringLiteral("auditor");
    }
    return {};
}

int CounterSetup::passphraseBits(const QString& passphrase)
{
    bool lower = false, upper = false, digit = false, other = false;
    for (const QChar c : passphrase) {
        lower |= c.isLower();
        upper |= c.isUpper();
        digit |= c.isDigit();
        other |= !c.isLetterOrNumber();
    }
    const int alphabet = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
    if (alphabet == 0) {
        return 0;
    }
    // Characters outside ASCII (kana, kanji) count as "other"; an estimate, not a guarantee.
    return static_cast<int>(std::floor(passphrase.size() * std::log2(static_cast<double>(alphabet))));
}

} // namespace madoguchi::services
