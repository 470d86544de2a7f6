#include "pki/RevocationService.h"

#include <QTest>

#include <functional>

using namespace madoguchi;
using namespace madoguchi::pki;
using core::Errc;

namespace {

const QDateTime Now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);

// A source that answers what the test scripts and counts the questions.
class ScriptedSource final : public RevocationSource
{
public:
    ScriptedSource(RevocationSourceKind kind, core::Result<RevocationStatus> answer)
        : m_kind(kind), m_answer(std::move(answer))
    {}
    [[nodiscard]] RevocationSourceKind kind() const override { return m_kind; }
    [[nodiscard]] core::Result<RevocationStatus> statusOf(const RevocationQuery&) override
    {
        ++asked;
        if (during) {
            during();
        }
        return m_answer;
    }
    void cancel() override { ++cancelled; }

    int asked = 0;
    int cancelled = 0;
    std::function<void()> during;

private:
    RevocationSourceKind m_kind;
    core::Result<RevocationStatus> m_answer;
};

// Compact scripts: "good", "revoked", "unknown", "error:<Errc int>", for OCSP; CRL answers add an
// age in hours and whether nextUpdate has passed.
core::Result<RevocationStatus> answer(const QString& script, RevocationSourceKind kind, int ageHours = 1,
                                      bool pastNextUpdate = false)
{
    if (script.startsWith(QStringLiteral("error:"))) {
        return core::fail(static_cast<Errc>(script.mid(6).toInt()), QStringLiteral("scripted"));
    }
    RevocationStatus status;
    status.source = kind;
    status.status = script == QStringLiteral("good")      ? CertStatus::Good
                    : script == QStringLiteral("revoked") ? CertStatus::Revoked
                                                          : CertStatus::Unknown;
    if (status.status == CertStatus::Revoked) {
        status.reasonCode = 1;
    }
    status.thisUpdate = Now.addSecs(-ageHours * 3600);
    status.nextUpdate = pastNextUpdate ? Now.addSecs(-60) : Now.addSecs(3600);
    return status;
}

} // namespace

class TestRevocationService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void policy_data()
    {
        QTest::addColumn<QString>("ocsp"); // empty: no OCSP source
        QTest::addColumn<QString>("crl");  // empty: no CRL source
        QTest::addColumn<int>("crlAgeHours");
        QTest::addColumn<bool>("crlPastNextUpdate");
        QTest::addColumn<bool>("ocspFirst");
        QTest::addColumn<bool>("fallback");
        QTest::addColumn<bool>("requireFresh");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("decidedBy"); // "ocsp", "crl" or "" (no answer)
        QTest::addColumn<int>("crlAsked");
        const QString timeout = QStringLiteral("error:%1").arg(static_cast<int>(Errc::Timeout));
        const QString refused = QStringLiteral("error:%1").arg(static_cast<int>(Errc::ConnectionRefused));
        const QString badSig = QStringLiteral("error:%1").arg(static_cast<int>(Errc::OcspBadSignature));
        const QString noCrl = QStringLiteral("error:%1").arg(static_cast<int>(Errc::NotFound));
        const QString good = QStringLiteral("good");
        const QString revoked = QStringLiteral("revoked");
        const QString unknown = QStringLiteral("unknown");
        const QString ocsp = QStringLiteral("ocsp");
        const QString crl = QStringLiteral("crl");
        QTest::newRow("OCSP good") << good << good << 1 << false << true << true << true << good << ocsp << 0;
        QTest::newRow("OCSP revoked") << revoked << good << 1 << false << true << true << true << revoked << ocsp << 0;
        QTest::newRow("OCSP unknown is final")
            << unknown << good << 1 << false << true << true << true << unknown << ocsp << 0;
        QTest::newRow("OCSP timeout, fresh CRL good")
            << timeout << good << 1 << false << true << true << true << good << crl << 1;
        QTest::newRow("OCSP bad signature, CRL revoked")
            << badSig << revoked << 1 << false << true << true << true << revoked << crl << 1;
        QTest::newRow("OCSP down, CRL too old")
            << refused << good << 48 << false << true << true << true << unknown << QString() << 1;
        QTest::newRow("OCSP down, CRL past nextUpdate")
            << refused << good << 1 << true << true << true << true << unknown << QString() << 1;
        QTest::newRow("OCSP down, stale CRL still revokes")
            << refused << revoked << 48 << true << true << true << true << revoked << crl << 1;
        QTest::newRow("OCSP down, stale CRL accepted when freshness not required")
            << refused << good << 48 << true << true << true << false << good << crl << 1;
        QTest::newRow("OCSP down, no fallback")
            << refused << good << 1 << false << true << false << true << unknown << QString() << 0;
        QTest::newRow("OCSP down, CRL has no such issuer")
            << refused << noCrl << 1 << false << true << true << true << unknown << QString() << 1;
        QTest::newRow("CRL first, good") << good << good << 1 << false << false << true << true << good << crl << 1;
        QTest::newRow("CRL first, stale, OCSP good")
            << good << good << 48 << false << false << true << true << good << ocsp << 1;
        QTest::newRow("only OCSP, down") << refused << QString() << 1 << false << true << true << true << unknown
                                         << QString() << 0;
        QTest::newRow("no source at all")
            << QString() << QString() << 1 << false << true << true << true << unknown << QString() << 0;
    }

    void policy()
    {
        QFETCH(QString, ocsp);
        QFETCH(QString, crl);
        QFETCH(int, crlAgeHours);
        QFETCH(bool, crlPastNextUpdate);
        QFETCH(bool, ocspFirst);
        QFETCH(bool, fallback);
        QFETCH(bool, requireFresh);
        QFETCH(QString, verdict);
        QFETCH(QString, decidedBy);
        QFETCH(int, crlAsked);
        core::FixedClock clock(Now);
        RevocationPolicy policy;
        policy.ocspFirst = ocspFirst;
        policy.fallback = fallback;
        policy.requireFresh = requireFresh;
        RevocationService service(clock, policy);
        ScriptedSource ocspSource(RevocationSourceKind::Ocsp, answer(ocsp, RevocationSourceKind::Ocsp));
        ScriptedSource crlSource(RevocationSourceKind::Crl,
                                 answer(crl, RevocationSourceKind::Crl, crlAgeHours, crlPastNextUpdate));
        service.setSource(RevocationSourceKind::Ocsp, ocsp.isEmpty() ? nullptr : &ocspSource);
        service.setSource(RevocationSourceKind::Crl, crl.isEmpty() ? nullptr : &crlSource);

        const RevocationVerdict result = service.check({});
        QCOMPARE(certStatusName(result.status), verdict);
        QCOMPARE(result.isGood(), verdict == QStringLiteral("good"));
        QCOMPARE(result.decidedBy ? sourceKindName(result.decidedBy->source) : QString(), decidedBy);
        QCOMPARE(crlSource.asked, crlAsked);
        QVERIFY(!result.why.isEmpty());
        if (!result.decidedBy) {
            QVERIFY(std::all_of(result.attempts.cbegin(), result.attempts.cend(),
                                [](const RevocationAttempt& a) { return a.error.has_value(); }));
        }
    }

    void cancelStopsAtTheRunningSource()
    {
        core::FixedClock clock(Now);
        RevocationService service(clock, {});
        ScriptedSource ocspSource(RevocationSourceKind::Ocsp,
                                  core::fail(Errc::Cancelled, QStringLiteral("scripted cancel")));
        ScriptedSource crlSource(RevocationSourceKind::Crl, answer(QStringLiteral("good"), RevocationSourceKind::Crl));
        ocspSource.during = [&] { service.cancel(); }; // as another thread would, mid-request
        service.setSource(RevocationSourceKind::Ocsp, &ocspSource);
        service.setSource(RevocationSourceKind::Crl, &crlSource);
        const RevocationVerdict result = service.check({});
        QCOMPARE(result.status, CertStatus::Unknown);
        QCOMPARE(ocspSource.cancelled, 1);
        QCOMPARE(crlSource.asked, 0);
        QCOMPARE(result.attempts.size(), 1);
        QCOMPARE(result.attempts[0].error->code, Errc::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestRevocationService)
#include "TestRevocationService.moc"
