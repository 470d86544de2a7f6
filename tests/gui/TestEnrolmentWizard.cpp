#include "CounterFixture.h"
#include "LatencyProbe.h"
#include "Screenshot.h"
#include "gui/EnrolmentWizard.h"
#include "gui/ResidentPinDialog.h"
#include "pki/JpkiCertificate.h"
#include "services/EnrolmentService.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPrinter>
#include <QPushButton>
#include <QTest>

using namespace madoguchi;
using gui::EnrolmentWizard;
using gui::ResidentPinDialog;

// The enrolment wizard end to end on the training reader (issue 6 tests): right PIN, wrong PIN, one
// try left, card pulled out, face-auth card. Waits on signals and QTRY_* only.
class TestEnrolmentWizard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_world.build()); }

    void init()
    {
        m_rig = std::make_unique<test::CounterRig>();
        QVERIFY(m_rig->build(m_world));
        makeWizard(false);
    }

    void cleanup()
    {
        m_wizard.reset();
        m_service.reset();
        m_rig.reset();
    }

    void rightPinEnrolsWithPinSignature()
    {
        insertAndProceed(QStringLiteral("valid"));
        QCOMPARE(enterPin("1234"), true);
        QVERIFY(label("proofStatusLabel")->text().contains(QStringLiteral("verified")));
        chooseKind(QStringLiteral("catv"));
        edit("household_idLineEdit")->setText(QStringLiteral("HH-0042"));
        QVERIFY(test::saveScreenshot(*m_wizard, QStringLiteral("enrolment-fields")));
        next(); // review
        QCOMPARE(m_wizard->step(), EnrolmentWizard::ReviewStep);
        QVERIFY(test::saveScreenshot(*m_wizard, QStringLiteral("enrolment-review")));
        QSignalSpy enrolled(m_wizard.get(), &EnrolmentWizard::enrolled);
        next(); // commit
        QCOMPARE(enrolled.count(), 1);
        QCOMPARE(m_wizard->step(), EnrolmentWizard::DoneStep);
        QVERIFY(test::saveScreenshot(*m_wizard, QStringLiteral("enrolment-receipt")));
        const auto stored = m_rig->linkages->findByCard(staff(), identityOf(QStringLiteral("valid")));
        QVERIFY(stored);
        QCOMPARE(stored->size(), 1);
        QCOMPARE(stored->first().assurance, store::Assurance::PinSignature);
        QCOMPARE(stored->first().createdBy, staff().id);
        // The receipt prints (to PDF here).
        QPrinter printer;
        printer.setOutputFormat(QPrinter::PdfFormat);
        const QString pdf = m_rig->dir.filePath(QStringLiteral("receipt.pdf"));
        printer.setOutputFileName(pdf);
        m_wizard->printReceipt(printer);
        QVERIFY(QFile(pdf).size() > 0);
        QVERIFY(m_wizard->receiptHtml().contains(QStringLiteral("HH-0042")));
    }

    void creditCardPanNeverShownNorStored()
    {
        insertAndProceed(QStringLiteral("valid"));
        QCOMPARE(enterPin("1234"), true);
        chooseKind(QStringLiteral("credit_card"));
        QCOMPARE(edit("panLineEdit")->echoMode(), QLineEdit::Password);
        edit("panLineEdit")->setText(QStringLiteral("4111111111111112")); // Luhn-invalid
        edit("expiryLineEdit")->setText(QStringLiteral("13/30"));
        next();
        QCOMPARE(m_wizard->step(), EnrolmentWizard::FieldsStep); // inline errors keep it here
        QVERIFY(!label("panErrorLabel")->text().isEmpty());
        QVERIFY(!label("expiryErrorLabel")->text().isEmpty());
        edit("panLineEdit")->setText(QStringLiteral("4111111111111111"));
        edit("expiryLineEdit")->setText(QStringLiteral("12/30"));
        next();
        QCOMPARE(m_wizard->step(), EnrolmentWizard::ReviewStep);
        QVERIFY(!label("reviewLabel")->text().contains(QStringLiteral("4111111111111111")));
        QVERIFY(label("reviewLabel")->text().contains(QStringLiteral("1111")));
        next();
        QCOMPARE(m_wizard->step(), EnrolmentWizard::DoneStep);
        QVERIFY(edit("panLineEdit")->text().isEmpty());
        QVERIFY(!m_wizard->receiptHtml().contains(QStringLiteral("4111111111111111")));
        const auto linkage = m_wizard->lastLinkage();
        QVERIFY(linkage);
        QVERIFY(!linkage->sealedPan.isEmpty());
        QVERIFY(!QJsonDocument(linkage->fields).toJson().contains("4111111111111111"));
    }

    void wrongPinShowsTriesLeftAndIsNotRetried()
    {
        insertAndProceed(QStringLiteral("valid"));
        QCOMPARE(enterPin("9999"), false);
        QVERIFY2(label("proofStatusLabel")->text().contains(QStringLiteral("Tries left: 2")),
                 qPrintable(label("proofStatusLabel")->text()));
        QVERIFY(!button("nextButton")->isEnabled());
        // The counter went down by exactly one: the next dialog reads 2 before any entry.
        button("pinRouteButton")->click();
        auto* dialog = m_wizard->pinDialog();
        QVERIFY(dialog);
        QTRY_COMPARE(dialog->state(), ResidentPinDialog::State::Ready);
        QCOMPARE(dialog->triesLeft(), 2);
        dialog->reject();
    }

    void oneTryLeftNeedsStaffConfirmation()
    {
        insertAndProceed(QStringLiteral("one-try"));
        button("pinRouteButton")->click();
        auto* dialog = m_wizard->pinDialog();
        QVERIFY(dialog);
        QTRY_COMPARE(dialog->state(), ResidentPinDialog::State::NeedsConfirmation);
        auto* pin = dialog->findChild<QLineEdit*>(QStringLiteral("pinLineEdit"));
        auto* ok = dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok);
        QVERIFY(!pin->isEnabled());
        QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("warningLabel"))->text().isEmpty());
        QVERIFY(test::saveScreenshot(*dialog, QStringLiteral("pin-dialog-last-try")));
        dialog->findChild<QCheckBox*>(QStringLiteral("confirmLastTryCheckBox"))->setChecked(true);
        QVERIFY(pin->isEnabled());
        QTest::keyClicks(pin, QStringLiteral("1234"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog->confirmation(), card::PinConfirmation::ConfirmedLastTry);
        QSignalSpy proof(m_wizard.get(), &EnrolmentWizard::proofFinished);
        ok->click();
        QVERIFY(pin->text().isEmpty());
        QVERIFY(proof.wait(10000));
        QCOMPARE(proof.takeFirst().at(0).toBool(), true);
    }

    void wrongLastTryBlocksAndIsNeverResent()
    {
        insertAndProceed(QStringLiteral("one-try"));
        button("pinRouteButton")->click();
        auto* dialog = m_wizard->pinDialog();
        QVERIFY(dialog);
        QTRY_COMPARE(dialog->state(), ResidentPinDialog::State::NeedsConfirmation);
        dialog->findChild<QCheckBox*>(QStringLiteral("confirmLastTryCheckBox"))->setChecked(true);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("pinLineEdit")), QStringLiteral("9999"));
        QSignalSpy proof(m_wizard.get(), &EnrolmentWizard::proofFinished);
        dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();
        QVERIFY(proof.wait(10000));
        QCOMPARE(proof.takeFirst().at(0).toBool(), false);
        QVERIFY(!button("nextButton")->isEnabled());
        // The next attempt reads the counter first: blocked, nothing can be typed.
        button("pinRouteButton")->click();
        dialog = m_wizard->pinDialog();
        QVERIFY(dialog);
        QTRY_COMPARE(dialog->state(), ResidentPinDialog::State::Blocked);
        QVERIFY(!dialog->findChild<QLineEdit*>(QStringLiteral("pinLineEdit"))->isEnabled());
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("warningLabel"))->text().contains(QStringLiteral("blocked")));
        dialog->reject();
    }

    void cardRemovedCancelsAndStoresNothing()
    {
        insertAndProceed(QStringLiteral("valid"));
        QCOMPARE(enterPin("1234"), true);
        chooseKind(QStringLiteral("catv"));
        edit("household_idLineEdit")->setText(QStringLiteral("HH-0043"));
        QSignalSpy cancelled(m_wizard.get(), &EnrolmentWizard::cancelled);
        m_rig->backend->remove();
        QVERIFY(cancelled.wait(5000));
        QCOMPARE(m_wizard->step(), EnrolmentWizard::CardStep);
        QVERIFY(label("noticeLabel")->text().contains(QStringLiteral("removed")));
        const auto stored = m_rig->linkages->findByCard(staff(), identityOf(QStringLiteral("valid")));
        QVERIFY(stored);
        QVERIFY(stored->isEmpty());
    }

    void faceAuthCardHasPhotoRouteOnlyWhenApproved_data()
    {
        QTest::addColumn<bool>("approved");
        QTest::newRow("not approved") << false;
        QTest::newRow("approved") << true;
    }

    void faceAuthCardHasPhotoRouteOnlyWhenApproved()
    {
        QFETCH(bool, approved);
        makeWizard(approved);
        insertAndProceed(QStringLiteral("face-auth"));
        QVERIFY(!button("pinRouteButton")->isEnabled());
        QVERIFY(test::saveScreenshot(*m_wizard, approved ? QStringLiteral("enrolment-face-auth-photo")
                                                         : QStringLiteral("enrolment-face-auth")));
        QCOMPARE(!m_wizard->findChild<QGroupBox*>(QStringLiteral("photoGroupBox"))->isHidden(), approved);
        QVERIFY(!button("nextButton")->isEnabled()); // tap-only is never a way forward
        if (!approved) {
            return;
        }
        m_wizard->findChild<QCheckBox*>(QStringLiteral("photoMatchCheckBox"))->setChecked(true);
        QVERIFY(button("nextButton")->isEnabled());
        chooseKind(QStringLiteral("platform_id"));
        next();
        next();
        QCOMPARE(m_wizard->step(), EnrolmentWizard::DoneStep);
        QCOMPARE(m_wizard->lastLinkage()->assurance, store::Assurance::PhotoCheck);
    }

    // Issue 6 "Measure": the longest UI-thread stall while a card is read and the holder proved
    // (PIN + RSA signature run on the card thread; the GUI thread only renders).
    void cardReadAndProofKeepTheUiResponsive()
    {
        constexpr int Cycles = 20;
        test::LatencyProbe probe;
        probe.start();
        QElapsedTimer wall;
        wall.start();
        for (int i = 0; i < Cycles; ++i) {
            insertAndProceed(QStringLiteral("valid"));
            QCOMPARE(enterPin("1234"), true);
            button("cancelButton")->click();
            QSignalSpy removed(m_rig->cards.get(), &services::CardReaderService::cardRemoved);
            m_rig->backend->remove();
            QVERIFY(removed.wait(5000));
        }
        probe.stop();
        qInfo("%d × (card read + PIN proof + removal): %lld ms, longest UI-thread stall %.1f ms over %d ticks", Cycles,
              wall.elapsed(), probe.worstMs(), probe.ticks());
        // Reported, not asserted: speed is judged in benchmarks (target ≤ 50 ms), never in a test
        // that a loaded CI machine could fail.
        QVERIFY(probe.ticks() > 0);
    }

private:
    void makeWizard(bool photoApproved)
    {
        m_wizard.reset();
        m_service = std::make_unique<services::EnrolmentService>(
            *m_rig->cards, *m_rig->linkages, *m_world.clock,
            services::EnrolmentService::Settings{QStringLiteral("T1"), photoApproved});
        m_wizard = std::make_unique<EnrolmentWizard>(*m_service, *m_rig->cards, m_staff, *m_world.clock);
        m_wizard->show();
    }

    [[nodiscard]] const services::Operator& staff() const { return m_staff; }

    store::CardIdentity identityOf(const QString& resident)
    {
        auto cert = pki::JpkiCertificate::parse(m_world.demo->resident(resident)->authCertDer);
        return {cert->identity().issuerKeyId, cert->identity().serial};
    }

    void insertAndProceed(const QString& resident)
    {
        QSignalSpy read(m_rig->cards.get(), &services::CardReaderService::cardRead);
        QVERIFY(m_rig->backend->insert(*m_world.demo->resident(resident)));
        QVERIFY(read.wait(5000));
        QTRY_VERIFY(button("nextButton")->isEnabled());
        next();
        QCOMPARE(m_wizard->step(), EnrolmentWizard::ProofStep);
    }

    // Opens the PIN dialog, types `pin` as the resident and waits for the proof.
    bool enterPin(const char* pin)
    {
        button("pinRouteButton")->click();
        auto* dialog = m_wizard->pinDialog();
        if (dialog == nullptr) {
            return false;
        }
        if (!QTest::qWaitFor([dialog]() { return dialog->state() != ResidentPinDialog::State::Checking; })) {
            return false;
        }
        auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("pinLineEdit"));
        QTest::keyClicks(edit, QString::fromLatin1(pin));
        QSignalSpy proof(m_wizard.get(), &EnrolmentWizard::proofFinished);
        dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();
        if (!proof.wait(10000)) {
            return false;
        }
        return proof.takeFirst().at(0).toBool();
    }

    void chooseKind(const QString& kind)
    {
        next();
        QCOMPARE(m_wizard->step(), EnrolmentWizard::KindStep);
        auto* combo = m_wizard->findChild<QComboBox*>(QStringLiteral("kindComboBox"));
        combo->setCurrentIndex(combo->findData(kind));
        QVERIFY(combo->currentIndex() >= 0);
        next();
        QCOMPARE(m_wizard->step(), EnrolmentWizard::FieldsStep);
    }

    void next() { button("nextButton")->click(); }
    QPushButton* button(const char* name) { return m_wizard->findChild<QPushButton*>(QLatin1String(name)); }
    QLabel* label(const char* name) { return m_wizard->findChild<QLabel*>(QLatin1String(name)); }
    QLineEdit* edit(const char* name) { return m_wizard->findChild<QLineEdit*>(QLatin1String(name)); }

    test::CounterWorld m_world;
    std::unique_ptr<test::CounterRig> m_rig;
    std::unique_ptr<services::EnrolmentService> m_service;
    std::unique_ptr<EnrolmentWizard> m_wizard;
    const services::Operator m_staff{QStringLiteral("staff-1"), services::Role::MunicipalStaff};
};

QTEST_MAIN(TestEnrolmentWizard)
#include "TestEnrolmentWizard.moc"
