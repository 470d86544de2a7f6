// The live card's revocation check (issue 3 items 6, 9): the RevocationService over the CRL cache, OCSP
// and the platform feed, failing closed, and the verdict's provenance for the card view.
#include "core/Clock.h"
#include "pki/DemoSet.h"
#include "pki/JpkiCertificate.h"
#include "pki/RevocationSource.h"
#include "services/CardRevocationChecker.h"
#include "services/CrlOverview.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace madoguchi;
using Revocation = services::CardSummary::Revocation;
using State = Revocation::State;
using Via = Revocation::Via;
using Why = Revocation::Why;

namespace {

// A platform feed that answers what it is told.
class FakeFeed final : public pki::RevocationSource
{
public:
    explicit FakeFeed(pki::CertStatus status) : m_status(status) {}
    pki::RevocationSourceKind kind() const override { return pki::RevocationSourceKind::PlatformFeed; }
    core::Result<pki::RevocationStatus> statusOf(const pki::RevocationQuery&) override
    {
        pki::RevocationStatus status;
        status.status = m_status;
        status.source = pki::RevocationSourceKind::PlatformFeed;
        status.sourceName = QStringLiteral("platform");
        status.thisUpdate = QDateTime::fromString(QStringLiteral("2025-03-31T23:00:00Z"), Qt::ISODate);
        return status;
    }

private:
    pki::CertStatus m_status;
};

QString pem(const QByteArray& der)
{
    return QStringLiteral("-----BEGIN CERTIFICATE-----\n%1\n-----END CERTIFICATE-----\n")
        .arg(QString::fromLatin1(der.toBase64()));
}

} // namespace

class TestCardRevocationChecker final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<pki::DemoSet> m_demo;
    std::unique_ptr<core::FixedClock> m_clock;

    services::CardSummary card(const QString& resident) const
    {
        services::CardSummary summary;
        summary.certDer = m_demo->resident(resident)->authCertDer;
        summary.issuerCertDer = m_demo->authCaCertDer;
        if (auto parsed = pki::JpkiCertificate::parse(summary.certDer)) { // as CardSummaryReader does
            summary.issuerKeyId = parsed->identity().issuerKeyId;
            summary.serial = parsed->identity().serial;
        }
        return summary;
    }

    bool write(const QString& name, const QByteArray& bytes) const
    {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto demo = pki::makeDemoSet();
        QVERIFY(demo);
        m_demo = std::move(*demo);
        m_clock = std::make_unique<core::FixedClock>(m_demo->now);
        QVERIFY(write(QStringLiteral("auth.crl"), m_demo->authCrlDer));
        QVERIFY(write(QStringLiteral("auth-ca.pem"), pem(m_demo->authCaCertDer).toLatin1()));
    }

    void verdict_data()
    {
        QTest::addColumn<QString>("resident");
        QTest::addColumn<bool>("crlLoaded");
        QTest::addColumn<QString>("order");
        QTest::addColumn<bool>("withOcsp"); // a responder that is down
        QTest::addColumn<bool>("fallback");
        QTest::addColumn<int>("feed"); // -1 none, else pki::CertStatus
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("via");
        QTest::addColumn<int>("why");
        const int none = -1;
        QTest::newRow("CRL: good") << QStringLiteral("valid") << true << QStringLiteral("crl-first") << false << true
                                   << none << int(State::Good) << int(Via::Crl) << int(Why::None);
        QTest::newRow("CRL: revoked") << QStringLiteral("lost") << true << QStringLiteral("crl-first") << false << true
                                      << none << int(State::Revoked) << int(Via::Crl) << int(Why::None);
        QTest::newRow("no CRL, no OCSP") << QStringLiteral("valid") << false << QStringLiteral("crl-first") << false
                                         << true << none << int(State::Unknown) << int(Via::Crl)
                                         << int(Why::NoCrlOfIssuer);
        QTest::newRow("OCSP down, CRL answers")
            << QStringLiteral("lost") << true << QStringLiteral("ocsp-first") << true << true << none
            << int(State::Revoked) << int(Via::Crl) << int(Why::None);
        QTest::newRow("OCSP down, no fallback")
            << QStringLiteral("valid") << true << QStringLiteral("ocsp-first") << true << false << none
            << int(State::Unknown) << int(Via::Ocsp) << int(Why::NoAnswer);
        QTest::newRow("OCSP down, no CRL")
            << QStringLiteral("valid") << false << QStringLiteral("ocsp-first") << true << true << none
            << int(State::Unknown) << int(Via::Crl) << int(Why::NoAnswer);
        QTest::newRow("feed says revoked")
            << QStringLiteral("valid") << false << QStringLiteral("crl-first") << false << true
            << int(pki::CertStatus::Revoked) << int(State::Revoked) << int(Via::PlatformFeed) << int(Why::None);
        QTest::newRow("CRL good before the feed")
            << QStringLiteral("valid") << true << QStringLiteral("crl-first") << false << true
            << int(pki::CertStatus::Revoked) << int(State::Good) << int(Via::Crl) << int(Why::None);
    }

    void verdict()
    {
        QFETCH(QString, resident);
        QFETCH(bool, crlLoaded);
        QFETCH(QString, order);
        QFETCH(bool, withOcsp);
        QFETCH(bool, fallback);
        QFETCH(int, feed);
        QFETCH(int, state);
        QFETCH(int, via);
        QFETCH(int, why);
        QTemporaryDir cache;
        services::CrlOverview crls(cache.path(), *m_clock);
        if (crlLoaded) {
            QVERIFY(
                crls.import(m_dir.filePath(QStringLiteral("auth.crl")), m_dir.filePath(QStringLiteral("auth-ca.pem"))));
        }
        {
            QSettings ini(m_dir.filePath(QStringLiteral("madoguchi.ini")), QSettings::IniFormat);
            ini.setValue(QStringLiteral("revocation/order"), order);
            ini.setValue(QStringLiteral("revocation/fallback"), fallback);
            ini.setValue(QStringLiteral("revocation/ocspUrl"),
                         withOcsp ? QStringLiteral("http://127.0.0.1:1/") : QString());
        }
        services::CardRevocationChecker checker(
            crls, *m_clock,
            services::CardRevocationChecker::Settings::fromIni(m_dir.filePath(QStringLiteral("madoguchi.ini"))));
        FakeFeed platform(pki::CertStatus(std::max(feed, 0)));
        checker.setPlatformFeed(feed < 0 ? nullptr : &platform);
        const Revocation r = checker.check(card(resident));
        QVERIFY2(int(r.state) == state, qPrintable(r.detail));
        QCOMPARE(int(r.via), via);
        QCOMPARE(int(r.why), why);
        QVERIFY(!r.detail.isEmpty());
        if (r.via == Via::Crl && r.why == Why::None) {
            QVERIFY(!r.source.isEmpty());
            QVERIFY(r.sourceTime.isValid());
            QVERIFY(r.sourceAgeSeconds >= 0);
        }
        if (r.state == State::Revoked && r.via == Via::Crl) {
            QCOMPARE(r.reasonCode, 1); // "lost": keyCompromise (jpki-card.md §6)
            QVERIFY(r.revokedAt.isValid());
        }
    }

    // A stale CRL cannot say "good", yet the verdict names it and its age (what to refresh).
    void staleCrlIsNamed()
    {
        QTemporaryDir cache;
        const core::FixedClock later(m_demo->now.addDays(30));
        services::CrlOverview crls(cache.path(), later);
        QVERIFY(crls.import(m_dir.filePath(QStringLiteral("auth.crl")), m_dir.filePath(QStringLiteral("auth-ca.pem"))));
        services::CardRevocationChecker checker(crls, later, {});
        const Revocation valid = checker.check(card(QStringLiteral("valid")));
        QCOMPARE(int(valid.state), int(State::Unknown));
        QCOMPARE(int(valid.why), int(Why::CrlStale));
        QCOMPARE(int(valid.via), int(Via::Crl));
        QVERIFY(!valid.source.isEmpty());
        QVERIFY(valid.sourceStale);
        QVERIFY(valid.sourceAgeSeconds > 29 * 86400);
        QCOMPARE(int(checker.check(card(QStringLiteral("lost"))).state), int(State::Revoked)); // still stands
    }

    void nothingReadIsNotChecked()
    {
        QTemporaryDir cache;
        services::CrlOverview crls(cache.path(), *m_clock);
        services::CardRevocationChecker checker(crls, *m_clock, {});
        QCOMPARE(int(checker.check(services::CardSummary{}).state), int(State::NotChecked));
    }

    void noSourceAnswerIsUnknownNeverGood()
    {
        pki::RevocationVerdict verdict; // nothing asked
        const Revocation r = services::CardRevocationChecker::fromVerdict(verdict, m_demo->now);
        QCOMPARE(int(r.state), int(State::Unknown));
        QCOMPARE(int(r.why), int(Why::NoSource));
    }
};

QTEST_GUILESS_MAIN(TestCardRevocationChecker)
#include "TestCardRevocationChecker.moc"
