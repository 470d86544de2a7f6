#include "CounterFixture.h"
#include "Screenshot.h"
#include "gui/CardView.h"
#include "gui/RevocationsCrlModel.h"
#include "gui/RevocationsPage.h"
#include "gui/RevocationsWorkModel.h"
#include "pki/JpkiCertificate.h"
#include "pki/RevocationConsequences.h"
#include "services/CrlOverview.h"
#include "services/CrlSweep.h"
#include "services/RevocationQueue.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

using namespace madoguchi;
using gui::RevocationsPage;

namespace {

QByteArray pemOf(const QByteArray& der)
{
    QByteArray pem = "-----BEGIN CERTIFICATE-----\n";
    const QByteArray b64 = der.toBase64();
    for (qsizetype i = 0; i < b64.size(); i += 64) {
        pem += b64.mid(i, 64) + '\n';
    }
    return pem + "-----END CERTIFICATE-----\n";
}

} // namespace

// The Revocations page: the empty state, importing the demo auth CRL, age and STALE marking, counts by
// reason, serial look-up with its source, and the two work queues.
class TestRevocationsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_world.build()); }

    void init()
    {
        m_rig = std::make_unique<test::CounterRig>();
        QVERIFY(m_rig->build(m_world, false));
        m_overview =
            std::make_unique<services::CrlOverview>(m_rig->dir.filePath(QStringLiteral("crls")), *m_world.clock);
        QVERIFY(m_overview->reload());
        m_queue = std::make_unique<services::RevocationQueue>(*m_rig->db, *m_world.clock);
    }

    void cleanup()
    {
        m_queue.reset();
        m_overview.reset();
        m_rig.reset();
    }

    void emptyStateThenImportAndLookUp()
    {
        auto page = makePage(m_staff);
        QAbstractItemModelTester crlTester(page->crlModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto* stack = page->findChild<QStackedWidget*>(QStringLiteral("crlStack"));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("crlEmptyPage"));
        page->lookUp(QStringLiteral("01"));
        QVERIFY(result(*page).contains(QStringLiteral("Unknown")));

        page->importCrl(writeFile("auth.crl", m_world.demo->authCrlDer),
                        writeFile("auth-ca.pem", pemOf(m_world.demo->authCaCertDer)));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("crlListPage"));
        QCOMPARE(page->crlModel()->rowCount(), 1);
        const QString age = page->crlModel()->index(0, gui::RevocationsCrlModel::AgeColumn).data().toString();
        QVERIFY2(age.contains(QStringLiteral("current")), qPrintable(age));
        QVERIFY(!page->crlModel()->index(0, gui::RevocationsCrlModel::AgeColumn).data(Qt::DecorationRole).isNull());
        const QString counts = page->findChild<QLabel*>(QStringLiteral("reasonCountsLabel"))->text();
        QVERIFY2(counts.contains(QStringLiteral("(1): 1")) && counts.contains(QStringLiteral("(4): 1")),
                 qPrintable(counts));

        page->lookUp(serialHexOf(QStringLiteral("lost")));
        QVERIFY2(result(*page).contains(QStringLiteral("Revoked")) && result(*page).contains(QStringLiteral("(1)")),
                 qPrintable(result(*page)));
        QVERIFY(test::saveScreenshot(*page, QStringLiteral("revocations")));
        QVERIFY(result(*page).contains(QStringLiteral("JPKI")));
        page->lookUp(serialHexOf(QStringLiteral("valid")));
        QVERIFY2(result(*page).contains(QStringLiteral("Not listed")), qPrintable(result(*page)));
        page->lookUp(QStringLiteral("xyz"));
        QVERIFY(result(*page).contains(QStringLiteral("hexadecimal")));
    }

    // An import holds the counter's registry against the new CRL and says what it changed.
    void importSuspendsTheLinkagesOfRevokedCards()
    {
        auto page = makePage(m_staff);
        services::CrlSweep sweep(*m_overview, *m_rig->linkages, *m_queue);
        page->setSweep(&sweep);
        const auto lost = identityOf(QStringLiteral("lost"));
        services::EnrolRequest request;
        request.card = lost;
        request.kind = QStringLiteral("platform_id");
        QVERIFY(m_rig->linkages->enrol(m_staff, std::move(request)));
        page->importCrl(writeFile("auth.crl", m_world.demo->authCrlDer),
                        writeFile("auth-ca.pem", pemOf(m_world.demo->authCaCertDer)));
        QVERIFY2(result(*page).contains(QStringLiteral("1 registered card(s) revoked")), qPrintable(result(*page)));
        auto current = m_rig->linkages->repository().currentByIdentity(lost);
        QVERIFY(current && current->size() == 1);
        QCOMPARE(current->front().status, store::LinkageStatus::Suspended);
    }

    void staleCrlIsMarked()
    {
        QVERIFY(m_overview->import(writeFile("auth.crl", m_world.demo->authCrlDer),
                                   writeFile("auth-ca.pem", pemOf(m_world.demo->authCaCertDer))));
        core::FixedClock later(m_world.demo->now.addDays(3));
        services::CrlOverview old(m_rig->dir.filePath(QStringLiteral("crls")), later);
        QVERIFY(old.reload());
        RevocationsPage page(old, *m_queue, m_staff, QString());
        const QString age = page.crlModel()->index(0, gui::RevocationsCrlModel::AgeColumn).data().toString();
        QVERIFY2(age.contains(QStringLiteral("STALE")), qPrintable(age));
    }

    void queuesAreWorkedThrough()
    {
        pki::RevokedCertificate moved;
        moved.certificate = {QByteArray::fromHex("a1a1"), QByteArray::fromHex("03")};
        moved.kind = pki::CertKind::Sign;
        moved.reasonCode = 3;
        pki::RevocationConsequences().dispatch(moved, m_queue->sink());
        pki::RevokedCertificate renewed = moved;
        renewed.kind = pki::CertKind::Auth;
        renewed.reasonCode = 4;
        pki::RevocationConsequences().dispatch(renewed, m_queue->sink());

        auto page = makePage(m_staff);
        QAbstractItemModelTester migrations(page->migrationModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester addresses(page->addressModel(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page->migrationModel()->rowCount(), 1);
        QCOMPARE(page->addressModel()->rowCount(), 1);
        auto* done = page->findChild<QPushButton*>(QStringLiteral("markDoneButton"));
        QVERIFY(!done->isEnabled()); // nothing selected
        page->findChild<QTableView*>(QStringLiteral("migrationTableView"))->selectRow(0);
        QVERIFY(done->isEnabled());
        done->click();
        QCOMPARE(page->migrationModel()->rowCount(), 0);

        const services::Operator auditor{QStringLiteral("auditor"), services::Role::Auditor};
        auto audit = makePage(auditor);
        QCOMPARE(audit->addressModel()->rowCount(), 1);
        audit->findChild<QTabWidget*>(QStringLiteral("queueTabWidget"))->setCurrentIndex(1);
        audit->findChild<QTableView*>(QStringLiteral("addressTableView"))->selectRow(0);
        QVERIFY(!audit->findChild<QPushButton*>(QStringLiteral("markDoneButton"))->isEnabled());
        QVERIFY(!audit->findChild<QPushButton*>(QStringLiteral("importCrlButton"))->isEnabled());
    }

    // Issue 3 item 9: the card view's verdict from the CRL cache, with where it came from.
    void cardVerdictComesFromTheCrlCache_data()
    {
        QTest::addColumn<QString>("resident");
        QTest::addColumn<bool>("crlLoaded");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("textContains");
        using State = services::CardSummary::Revocation::State;
        QTest::newRow("lost") << QStringLiteral("lost") << true << int(State::Revoked) << QStringLiteral("REVOKED");
        QTest::newRow("valid") << QStringLiteral("valid") << true << int(State::Good) << QStringLiteral("Not revoked");
        QTest::newRow("no CRL") << QStringLiteral("valid") << false << int(State::Unknown) << QStringLiteral("no CRL");
    }

    void cardVerdictComesFromTheCrlCache()
    {
        QFETCH(QString, resident);
        QFETCH(bool, crlLoaded);
        QFETCH(int, state);
        QFETCH(QString, textContains);
        if (crlLoaded) {
            QVERIFY(m_overview->import(writeFile("auth.crl", m_world.demo->authCrlDer),
                                       writeFile("auth-ca.pem", pemOf(m_world.demo->authCaCertDer))));
        }
        m_rig->cards->setRevocationLookup([this](const services::CardSummary& card) {
            return m_overview->cardVerdict(card.issuerKeyId, card.serial);
        });
        QSignalSpy readers(m_rig->cards.get(), &services::CardReaderService::readersChanged);
        m_rig->cards->start();
        QVERIFY(readers.wait(5000));
        QSignalSpy read(m_rig->cards.get(), &services::CardReaderService::cardRead);
        QVERIFY(m_rig->backend->insert(*m_world.demo->resident(resident)));
        QVERIFY(read.wait(5000));
        const auto summary = read.takeFirst().at(0).value<services::CardSummary>();
        QCOMPARE(int(summary.revocation.state), state);
        const QString text = gui::CardView::verdictText(summary);
        QVERIFY2(text.contains(textContains), qPrintable(text));
        if (crlLoaded) {
            QVERIFY2(text.contains(QStringLiteral("from the CRL of")), qPrintable(text));
        }
        if (resident == QStringLiteral("lost")) {
            QCOMPARE(summary.revocation.reasonCode, 1);
            QVERIFY(summary.revocation.revokedAt.isValid());
        }
    }

private:
    std::unique_ptr<RevocationsPage> makePage(const services::Operator& op)
    {
        return std::make_unique<RevocationsPage>(*m_overview, *m_queue, op,
                                                 QStringLiteral("http://ocsp.test.invalid/"));
    }

    static QString result(const RevocationsPage& page)
    {
        return page.findChild<QLabel*>(QStringLiteral("lookupResultLabel"))->text();
    }

    store::CardIdentity identityOf(const QString& resident) const
    {
        auto cert = pki::JpkiCertificate::parse(m_world.demo->resident(resident)->authCertDer);
        return cert ? store::CardIdentity{cert->identity().issuerKeyId, cert->identity().serial}
                    : store::CardIdentity{};
    }

    QString serialHexOf(const QString& resident)
    {
        auto cert = pki::JpkiCertificate::parse(m_world.demo->resident(resident)->authCertDer);
        return cert ? QString::fromLatin1(cert->identity().serial.toHex(':')) : QString();
    }

    QString writeFile(const char* name, const QByteArray& content)
    {
        const QString path = m_rig->dir.filePath(QString::fromLatin1(name));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
            return {};
        }
        return path;
    }

    test::CounterWorld m_world;
    std::unique_ptr<test::CounterRig> m_rig;
    std::unique_ptr<services::CrlOverview> m_overview;
    std::unique_ptr<services::RevocationQueue> m_queue;
    const services::Operator m_staff{QStringLiteral("staff-1"), services::Role::MunicipalStaff};
};

QTEST_MAIN(TestRevocationsPage)
#include "TestRevocationsPage.moc"
