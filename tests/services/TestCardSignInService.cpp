#include "ServiceFixture.h"
#include "card/SharedReaderBackend.h"
#include "pki/DemoSet.h"
#include "pki/JpkiCertificate.h"
#include "pki/TrustStore.h"
#include "services/CardReaderService.h"
#include "services/CardSignInService.h"
#include "services/OperatorService.h"
#include "services/SessionService.h"
#include "sim/TrainingBackend.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace madoguchi;
using services::CardSignInCandidate;
using services::CardSignInService;
using services::Role;

namespace {

const services::Operator Admin{QStringLiteral("root"), Role::Admin};

// Runs one asynchronous step and waits for its answer on this thread's event loop.
template <typename T, typename Start>
core::Result<T> await(QObject* context, Start start)
{
    std::optional<core::Result<T>> answer;
    start(context, [&answer](core::Result<T> result) { answer = std::move(result); });
    [&]() { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 20000); }();
    if (!answer) {
        return core::fail(core::Errc::Timeout, QStringLiteral("no answer"));
    }
    return std::move(*answer);
}

} // namespace

// Operator sign-in with the operator's own My Number Card (issue 6 item 1), on the training reader:
// binding by an admin, right and wrong PIN, unbound, expired and revoked cards, the locked session.
class TestCardSignInService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        auto set = pki::makeDemoSet();
        QVERIFY(set);
        m_set = std::move(*set);
        m_clock.set(m_set.now.addDays(1));
    }

    void init()
    {
        m_db = test::openMigrated(m_dir.filePath(QStringLiteral("c%1.db").arg(++m_n)));
        QVERIFY(m_db);
        services::OperatorService::Options cheap;
        cheap.kdf = {10, 8, 1};
        m_ops = std::make_unique<services::OperatorService>(*m_db, m_clock, nullptr, cheap);
        QVERIFY(m_ops->createFirstAdmin({Admin.id, QStringLiteral("Root"), Role::Admin},
                                        core::SecureBytes(QByteArrayView("correct horse"))));
        QVERIFY(m_ops->add(Admin, {QStringLiteral("clerk"), QStringLiteral("Clerk"), Role::MunicipalStaff},
                           core::SecureBytes(QByteArrayView("battery staple"))));
        auto trust = pki::TrustStore::load(pki::TrustMode::Training);
        QVERIFY(trust);
        m_trust = std::make_unique<pki::TrustStore>(std::move(*trust));
        QVERIFY(m_trust->addTestAnchor(m_set.authCaCertDer));
        m_backend = std::make_shared<sim::TrainingBackend>();
        m_cards = std::make_unique<services::CardReaderService>(
            [backend = m_backend]() { return std::make_unique<card::SharedReaderBackend>(backend); }, *m_trust,
            m_clock);
        m_cards->start();
        m_signIn = std::make_unique<CardSignInService>(*m_cards, *m_ops, *m_trust, m_clock, QStringLiteral("T1"));
        m_session = std::make_unique<services::SessionService>(*m_ops);
    }

    void cleanup()
    {
        m_session.reset();
        m_signIn.reset();
        m_cards.reset();
        m_backend.reset();
        m_ops.reset();
        m_db.reset();
    }

    void rightPinSignsInTheBoundOperator()
    {
        insert("valid");
        QVERIFY(bind(QStringLiteral("clerk")));
        auto candidate = prepare();
        QVERIFY2(candidate, qPrintable(candidate ? QString() : candidate.error().toString()));
        QCOMPARE(candidate->login, QStringLiteral("clerk"));
        QCOMPARE(candidate->pin.triesLeft, 3);
        QVERIFY(!candidate->hasPinPad()); // the training reader has no keypad
        auto proof = prove(*candidate, resident("valid").authPin->value);
        QVERIFY2(proof, qPrintable(proof ? QString() : proof.error().toString()));
        QSignalSpy signedIn(m_session.get(), &services::SessionService::signedIn);
        auto op = m_session->signInWithCard(*proof);
        QVERIFY(op);
        QCOMPARE(op->id, QStringLiteral("clerk"));
        QCOMPARE(op->role, Role::MunicipalStaff);
        QCOMPARE(signedIn.count(), 1);
        QCOMPARE(m_session->actor().id, QStringLiteral("clerk"));
    }

    void wrongPinIsRefusedAndNeverRetried()
    {
        insert("valid");
        QVERIFY(bind(QStringLiteral("clerk")));
        auto candidate = prepare();
        QVERIFY(candidate);
        auto proof = prove(*candidate, "9999");
        QVERIFY(!proof);
        QCOMPARE(proof.error().code, core::Errc::PinIncorrect);
        QVERIFY(!m_session->isSignedIn());
        auto again = prepare(); // exactly one try was spent
        QVERIFY(again);
        QCOMPARE(again->pin.triesLeft, 2);
    }

    void unboundCardIsRefusedBeforeThePin()
    {
        insert("valid");
        auto candidate = prepare();
        QVERIFY(!candidate);
        QCOMPARE(candidate.error().code, core::Errc::CardNotBound);
        QVERIFY(bind(QStringLiteral("clerk")));
        QCOMPARE(prepare()->pin.triesLeft, 3); // no try was spent on the refused card
    }

    void expiredCardIsNeitherBoundNorSignedIn()
    {
        insert("expired");
        auto identity = readIdentity();
        QVERIFY(!identity);
        QCOMPARE(identity.error().code, core::Errc::Expired);
        QVERIFY(m_ops->bindCard(Admin, QStringLiteral("clerk"), cardOf("expired")));
        auto candidate = prepare(); // bound behind the checks' back: still refused
        QVERIFY(!candidate);
        QCOMPARE(candidate.error().code, core::Errc::Expired);
    }

    void revokedCardIsRefused()
    {
        insert("valid");
        QVERIFY(bind(QStringLiteral("clerk")));
        m_signIn->setRevocationLookup([](const services::CardSummary&) {
            services::CardSummary::Revocation revoked;
            revoked.state = services::CardSummary::Revocation::State::Revoked;
            revoked.reasonCode = 1;
            return revoked;
        });
        auto candidate = prepare();
        QVERIFY(!candidate);
        QCOMPARE(candidate.error().code, core::Errc::Revoked);
    }

    void onlyAdminsBindAndOneCardIsOneOperator()
    {
        const auto card = cardOf("valid");
        const services::Operator clerk{QStringLiteral("clerk"), Role::MunicipalStaff};
        QCOMPARE(m_ops->bindCard(clerk, QStringLiteral("clerk"), card).error().code, core::Errc::PermissionDenied);
        QVERIFY(m_ops->bindCard(Admin, QStringLiteral("clerk"), card));
        QCOMPARE(m_ops->bindCard(Admin, Admin.id, card).error().code, core::Errc::InvalidArgument);
        QVERIFY(m_ops->boundCard(Admin, QStringLiteral("clerk"))->value() == card);
        QVERIFY(m_ops->bindCard(Admin, QStringLiteral("clerk"), cardOf("moved"))); // a new card replaces
        QCOMPARE(m_ops->loginBoundTo(card).error().code, core::Errc::CardNotBound);
        QVERIFY(m_ops->unbindCard(Admin, QStringLiteral("clerk")));
        QVERIFY(!m_ops->boundCard(Admin, QStringLiteral("clerk"))->has_value());
    }

    void lockedSessionOpensOnlyForItsOwnCard()
    {
        QVERIFY(m_session->signIn(Admin.id, core::SecureBytes(QByteArrayView("correct horse"))));
        m_session->lock();
        insert("valid");
        QVERIFY(bind(QStringLiteral("clerk")));
        auto candidate = prepare();
        QVERIFY(candidate);
        auto proof = prove(*candidate, resident("valid").authPin->value);
        QVERIFY(proof);
        QCOMPARE(m_session->signInWithCard(*proof).error().code, core::Errc::PermissionDenied);
        QVERIFY(m_session->isLocked());
        QVERIFY(m_ops->unbindCard(Admin, QStringLiteral("clerk")));
        QVERIFY(m_ops->bindCard(Admin, Admin.id, cardOf("valid")));
        QSignalSpy unlocked(m_session.get(), &services::SessionService::unlocked);
        QVERIFY(m_session->signInWithCard(*proof));
        QCOMPARE(unlocked.count(), 1);
        QCOMPARE(m_session->actor().id, Admin.id);
    }

private:
    const pki::DemoResident& resident(const char* id) const { return *m_set.resident(QString::fromLatin1(id)); }
    void insert(const char* id) { QVERIFY(m_backend->insert(resident(id))); }
    store::CardIdentity cardOf(const char* id) const
    {
        const auto identity = m_signIn->checkCertificate(QString(), resident(id).authCertDer);
        if (identity) {
            return *identity;
        }
        // expired: the identity without the checks
        const auto cert = pki::JpkiCertificate::parse(resident(id).authCertDer);
        return {cert->identity().issuerKeyId, cert->identity().serial};
    }
    QString reader() const { return sim::TrainingBackend::slotName(1); }

    core::Result<CardSignInCandidate> prepare()
    {
        return await<CardSignInCandidate>(this,
                                          [this](QObject* ctx, auto done) { m_signIn->prepare(reader(), ctx, done); });
    }
    core::Result<CardSignInService::Verified> prove(const CardSignInCandidate& candidate, const QByteArray& pin)
    {
        return await<CardSignInService::Verified>(this, [&](QObject* ctx, auto done) {
            m_signIn->prove(candidate, core::SecureBytes(QByteArrayView(pin)), card::PinConfirmation::NotConfirmed, ctx,
                            done);
        });
    }
    core::Result<store::CardIdentity> readIdentity()
    {
        return await<store::CardIdentity>(
            this, [this](QObject* ctx, auto done) { m_signIn->readCardIdentity(reader(), ctx, done); });
    }
    core::Result<void> bind(const QString& login)
    {
        auto identity = readIdentity();
        if (!identity) {
            return core::fail(identity.error());
        }
        return m_ops->bindCard(Admin, login, *identity);
    }

    pki::DemoSet m_set;
    core::FixedClock m_clock{QDateTime::currentDateTimeUtc()};
    QTemporaryDir m_dir;
    int m_n = 0;
    std::optional<store::Database> m_db;
    std::unique_ptr<services::OperatorService> m_ops;
    std::unique_ptr<pki::TrustStore> m_trust;
    std::shared_ptr<sim::TrainingBackend> m_backend;
    std::unique_ptr<services::CardReaderService> m_cards;
    std::unique_ptr<CardSignInService> m_signIn;
    std::unique_ptr<services::SessionService> m_session;
};

QTEST_GUILESS_MAIN(TestCardSignInService)
#include "TestCardSignInService.moc"
