// The card layer through the real stack: a private pcscd, vsmartcard's vpcd driver and
// madoguchi-cardsim as a process (issue 2 "Integration tests"). Waits on events only:
// SCardGetStatusChange (ReaderBackend::waitForChange), CardMonitor signals, process output lines.
#include "CardStack.h"
#include "ForeignCard.h"

#include "card/CardMonitor.h"
#include "card/HolderChallenge.h"
#include "card/HolderProof.h"
#include "card/JpkiCard.h"
#include "card/PcscBackend.h"
#include "core/Clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

using namespace madoguchi;
using tests::CardStack;
using tests::PcscdProcess;

class TestCardStack final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void insertReadProve();
    void wrongPinIsNotRetried();
    void removedMidOperationThenReconnect();
    void pcscdRestartRecovers();
    void cliReadThroughPcscd();
    void cliWithoutPcscd();
    void cliFaceAuthCardHasNoPins();
    void cliNotAJpkiCard();

private:
    [[nodiscard]] const pki::DemoResident& resident(const QString& id) const;
    // A fresh connection to the test reader's card, once pcscd shows it.
    [[nodiscard]] std::unique_ptr<card::CardConnection> connectCard(card::PcscBackend& backend);

    CardStack m_stack{QStringLiteral(MADOGUCHI_TEST_CACHE), QStringLiteral(MADOGUCHI_CARDSIM_EXE),
                      QStringLiteral(MADOGUCHI_CLI_EXE)};
    quint16 m_port = 41700; // one port per test function: no TIME_WAIT clash with the previous pcscd
};

void TestCardStack::initTestCase()
{
    // Only one pcscd per machine (toolchain.md): a running one would answer instead of ours.
    QVERIFY2(!PcscdProcess::otherPcscdRunning(), "another pcscd is running: stop it to run the integration tests");
    const QString prepared = m_stack.prepareDemoSet();
    QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
}

void TestCardStack::init()
{
    const QString started = m_stack.startPcscd(++m_port);
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestCardStack::cleanup()
{
    m_stack.stopCardSim();
    m_stack.stopPcscd();
}

const pki::DemoResident& TestCardStack::resident(const QString& id) const
{
    const pki::DemoResident* r = m_stack.demoSet().resident(id);
    Q_ASSERT(r);
    return *r;
}

std::unique_ptr<card::CardConnection> TestCardStack::connectCard(card::PcscBackend& backend)
{
    if (!CardStack::waitForCard(backend, PcscdProcess::readerName(), true)) {
        return nullptr;
    }
    auto connection = backend.connect(PcscdProcess::readerName());
    return connection ? std::move(*connection) : nullptr;
}

// (a) insert → the monitor sees the card → auth cert read → HolderProof with the PIN → it verifies.
void TestCardStack::insertReadProve()
{
    card::CardMonitor monitor([] { return std::make_unique<card::PcscBackend>(); });
    QSignalSpy inserted(&monitor, &card::CardMonitor::cardInserted);
    monitor.start();
    QVERIFY(m_stack.startCardSim(QStringLiteral("valid")).isEmpty());
    QVERIFY(inserted.count() > 0 || inserted.wait(10000));
    QCOMPARE(inserted.first().first().toString(), PcscdProcess::readerName());
    monitor.stop();

    card::PcscBackend backend;
    auto connection = connectCard(backend);
    QVERIFY(connection);
    card::JpkiCard jpki(*connection);
    auto cert = jpki.readAuthCertificate();
    QVERIFY2(cert.has_value(), cert ? "" : qPrintable(cert.error().toString()));
    QCOMPARE(*cert, resident(QStringLiteral("valid")).authCertDer);

    const core::SystemClock clock;
    auto challenge = card::HolderChallenge::create(QStringLiteral("test"), QStringLiteral("itest"), clock);
    QVERIFY(challenge.has_value());
    auto proof = card::HolderProof::prove(jpki, *challenge, *cert,
                                          core::SecureBytes(resident(QStringLiteral("valid")).authPin->value),
                                          card::PinConfirmation::NotConfirmed);
    QVERIFY2(proof.has_value(), proof ? "" : qPrintable(proof.error().toString()));
    QVERIFY(proof->pinVerifiedNow);
    QVERIFY(card::HolderProof::verifySignature(*cert, proof->challenge, proof->signature).has_value());
    // And the check can fail: another challenge does not verify under the same signature.
    QVERIFY(!card::HolderProof::verifySignature(*cert, proof->challenge + "x", proof->signature).has_value());
}

// (b) a wrong PIN → pin_incorrect, 2 tries left, the counter went down by one, exactly one VERIFY sent.
void TestCardStack::wrongPinIsNotRetried()
{
    QVERIFY(m_stack.startCardSim(QStringLiteral("valid")).isEmpty());
    card::PcscBackend backend;
    auto connection = connectCard(backend);
    QVERIFY(connection);
    card::JpkiCard jpki(*connection);
    QVERIFY(jpki.selectJpkiAp().has_value());
    auto before = jpki.pinStatus(card::PinKind::Auth);
    QVERIFY(before.has_value());
    QCOMPARE(before->triesLeft, 3);

    const qint64 simBefore = m_stack.cardSimApduCount();
    const int sentBefore = jpki.apduCount();
    auto verified = jpki.verifyPin(card::PinKind::Auth, core::SecureBytes(QByteArrayView("9999")));
    QVERIFY(!verified.has_value());
    QCOMPARE(verified.error().code, core::Errc::PinIncorrect);
    QCOMPARE(verified.error().nativeCode, 0x63C2);
    // SELECT of the PIN EF, the retry-counter query (case-1 VERIFY) and one VERIFY with the PIN:
    // nothing more was sent, and the card saw exactly what we sent (no resend below us).
    QCOMPARE(jpki.apduCount() - sentBefore, 3);
    QCOMPARE(m_stack.cardSimApduCount() - simBefore, 3);

    auto after = jpki.pinStatus(card::PinKind::Auth);
    QVERIFY(after.has_value());
    QCOMPARE(after->triesLeft, 2);
}

// (c) the card pulled while a session is open → CardRemoved; back in → reconnect and read again.
void TestCardStack::removedMidOperationThenReconnect()
{
    QVERIFY(m_stack.startCardSim(QStringLiteral("valid")).isEmpty());
    card::PcscBackend backend;
    auto connection = connectCard(backend);
    QVERIFY(connection);
    card::JpkiCard jpki(*connection);
    QVERIFY(jpki.selectJpkiAp().has_value());
    QVERIFY(jpki.readToken().has_value());

    QVERIFY(m_stack.control("remove", "removed"));
    QVERIFY(CardStack::waitForCard(backend, PcscdProcess::readerName(), false));
    auto token = jpki.readToken();
    QVERIFY(!token.has_value());
    QCOMPARE(token.error().code, core::Errc::CardRemoved);

    QVERIFY(m_stack.control("insert", "inserted"));
    QVERIFY(CardStack::waitForCard(backend, PcscdProcess::readerName(), true));
    auto reconnected = jpki.reconnect();
    QVERIFY2(reconnected.has_value(), reconnected ? "" : qPrintable(reconnected.error().toString()));
    auto cert = jpki.readAuthCertificate();
    QVERIFY(cert.has_value());
    QCOMPARE(*cert, resident(QStringLiteral("valid")).authCertDer);
}

// (d) pcscd killed → the monitor reports backendError; pcscd back → cardInserted again.
void TestCardStack::pcscdRestartRecovers()
{
    QVERIFY(m_stack.startCardSim(QStringLiteral("valid")).isEmpty());
    card::CardMonitor::Timing timing;
    timing.waitSlice = std::chrono::milliseconds(500);
    timing.retryAfterError = std::chrono::milliseconds(200);
    card::CardMonitor monitor([] { return std::make_unique<card::PcscBackend>(); }, timing);
    QSignalSpy inserted(&monitor, &card::CardMonitor::cardInserted);
    QSignalSpy failed(&monitor, &card::CardMonitor::backendError);
    monitor.start();
    QVERIFY(inserted.count() > 0 || inserted.wait(10000));
    QCOMPARE(failed.count(), 0);

    m_stack.pcscd()->kill();
    QVERIFY(failed.count() > 0 || failed.wait(10000));
    const auto error = failed.first().first().value<core::Error>();
    // pcsc-lite answers calls on a context whose daemon died with SCARD_E_NO_SERVICE, or (seen here,
    // pcsc-lite 1.9.9) SCARD_W_SECURITY_VIOLATION → transport_failed: a PC/SC-domain error either way.
    QVERIFY2(error.domain() == core::ErrorDomain::Pcsc, qPrintable(error.toString()));

    inserted.clear();
    const QString restarted = m_stack.pcscd()->start();
    QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
    // madoguchi-cardsim's vpcd client reconnects by itself (backoff ≤ 2 s); the monitor re-establishes.
    QVERIFY(inserted.count() > 0 || inserted.wait(15000));
    QCOMPARE(inserted.first().first().toString(), PcscdProcess::readerName());
    monitor.stop();
}

// (e) madoguchi-cli as a process through the same pcscd.
void TestCardStack::cliReadThroughPcscd()
{
    QVERIFY(m_stack.startCardSim(QStringLiteral("valid")).isEmpty());
    card::PcscBackend backend;
    QVERIFY(CardStack::waitForCard(backend, PcscdProcess::readerName(), true));
    QByteArray out;
    QByteArray err;
    const int rc = m_stack.runCli({QStringLiteral("--json"), QStringLiteral("card"), QStringLiteral("read"),
                                   QStringLiteral("--trust"), QStringLiteral("training")},
                                  {}, &out, &err);
    QVERIFY2(rc == 0, err.constData());
    const QJsonObject json = QJsonDocument::fromJson(out).object();
    const QByteArray serial = json.value(QStringLiteral("serial")).toString().toLatin1();
    QVERIFY(serial.size() >= 16);
    QVERIFY(resident(QStringLiteral("valid")).authCertDer.toHex().contains(serial));
    QCOMPARE(json.value(QStringLiteral("backend")).toString(), QStringLiteral("PC/SC"));
    QCOMPARE(json.value(QStringLiteral("chain")).toString(), QStringLiteral("trusted_test_pki"));
    // Production trust (the default for PC/SC) reads the card but does not trust its TEST root.
    QCOMPARE(m_stack.runCli({QStringLiteral("--json"), QStringLiteral("card"), QStringLiteral("read")}, {}, &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("chain")).toString(),
             QStringLiteral("untrusted"));
}

void TestCardStack::cliWithoutPcscd()
{
    m_stack.stopPcscd();
    QByteArray out;
    const int rc = m_stack.runCli({QStringLiteral("--json"), QStringLiteral("card"), QStringLiteral("read")}, {}, &out);
    QCOMPARE(rc, 3);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("error")).toString(),
             QStringLiteral("no_service"));
}

void TestCardStack::cliFaceAuthCardHasNoPins()
{
    QVERIFY(m_stack.startCardSim(QStringLiteral("face-auth")).isEmpty());
    card::PcscBackend backend;
    QVERIFY(CardStack::waitForCard(backend, PcscdProcess::readerName(), true));
    QByteArray out;
    QCOMPARE(m_stack.runCli({QStringLiteral("--json"), QStringLiteral("card"), QStringLiteral("pin-status")}, {}, &out),
             0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("hasPins")).toBool(true), false);
    QCOMPARE(m_stack.runCli({QStringLiteral("card"), QStringLiteral("pin-status")}, {}, &out), 0);
    QVERIFY2(out.contains("no PINs"), out.constData());
}

void TestCardStack::cliNotAJpkiCard()
{
    tests::ForeignCard foreign;
    QVERIFY(foreign.insert(m_port));
    card::PcscBackend backend;
    QVERIFY(CardStack::waitForCard(backend, PcscdProcess::readerName(), true));
    QByteArray out;
    QCOMPARE(m_stack.runCli({QStringLiteral("--json"), QStringLiteral("card"), QStringLiteral("read")}, {}, &out), 4);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("error")).toString(),
             QStringLiteral("not_jpki_card"));
    QVERIFY(foreign.apduCount() >= 1);
    // No reader empty of cards now: nothing in the slot → no_card.
    foreign.stop();
    QVERIFY(CardStack::waitForCard(backend, PcscdProcess::readerName(), false));
    QCOMPARE(m_stack.runCli({QStringLiteral("--json"), QStringLiteral("card"), QStringLiteral("read")}, {}, &out), 3);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("error")).toString(),
             QStringLiteral("no_card"));
}

QTEST_GUILESS_MAIN(TestCardStack)
#include "TestCardStack.moc"
