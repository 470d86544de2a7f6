#include "../services/FakeKeychain.h"
#include "Screenshot.h"
#include "gui/FirstRunDialog.h"
#include "gui/Messages.h"
#include "services/CounterSetup.h"
#include "services/OperatorService.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

using namespace madoguchi;

// First run through the dialog: mismatched confirmations are caught; a good entry creates the
// database and the first admin, who can then sign in. The key's protection (issue 4 item 2): the
// keychain is the default where one answers, disabled with its reason where none does, and the
// choice reaches CounterSetup and the key file.
class TestFirstRunDialog final : public QObject
{
    Q_OBJECT

private:
    // The dialog wired the way CounterStartup wires it, against a fake keychain.
    struct Setup
    {
        QTemporaryDir dir;
        QString path = services::CounterSetup::databasePath(dir.path());
        core::SystemClock clock;
        test::FakeKeychain keychain;
        std::optional<services::StoreSession> store;
        std::optional<store::KeyWrapping> chosen;

        std::unique_ptr<gui::FirstRunDialog> dialog(const core::Result<void>& available)
        {
            return std::make_unique<gui::FirstRunDialog>(
                dir.path(), available,
                [this](core::SecureBytes passphrase, const services::NewOperator& admin, core::SecureBytes password,
                       store::KeyWrapping wrapping) -> core::Result<void> {
                    chosen = wrapping;
                    auto provider =
                        wrapping == store::KeyWrapping::KeychainAndPassphrase ? keychain.providerFor(path) : nullptr;
                    auto created = services::CounterSetup::createCounter(
                        path, std::move(passphrase), admin, password, clock, nullptr, {10, 8, 1}, std::move(provider));
                    if (!created) {
                        return core::fail(created.error());
                    }
                    store.emplace(std::move(*created));
                    return {};
                });
        }
    };

    template <typename T>
    static T* child(QWidget& parent, const char* name)
    {
        auto* found = parent.findChild<T*>(QLatin1String(name));
        if (found == nullptr) {
            qFatal("no child %s", name);
        }
        return found;
    }

    static void fillValidForm(QWidget& dialog)
    {
        child<QLineEdit>(dialog, "passphraseLineEdit")->setText(QStringLiteral("counter at the city hall 2026!"));
        child<QLineEdit>(dialog, "passphraseConfirmLineEdit")
            ->setText(QStringLiteral("counter at the city hall 2026!"));
        child<QLineEdit>(dialog, "adminPasswordLineEdit")->setText(QStringLiteral("first-admin"));
        child<QLineEdit>(dialog, "adminPasswordConfirmLineEdit")->setText(QStringLiteral("first-admin"));
    }

    static QPushButton* okButton(QWidget& dialog)
    {
        return child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
    }

private Q_SLOTS:
    void createsDatabaseAndAdmin()
    {
        Setup setup;
        auto dialog = setup.dialog(core::fail(core::Errc::Unsupported, QStringLiteral("no bus"), 5));
        auto field = [&](const char* name) { return child<QLineEdit>(*dialog, name); };
        auto* error = child<QLabel>(*dialog, "errorLabel");
        dialog->show();

        QTest::keyClicks(field("passphraseLineEdit"), QStringLiteral("short"));
        QVERIFY(child<QLabel>(*dialog, "strengthLabel")->text().contains(QStringLiteral("12")));
        field("passphraseLineEdit")->clear();
        QTest::keyClicks(field("passphraseLineEdit"), QStringLiteral("counter at the city hall 2026!"));
        QTest::keyClicks(field("passphraseConfirmLineEdit"), QStringLiteral("counter at the city hall 2025!"));
        QTest::keyClicks(field("adminPasswordLineEdit"), QStringLiteral("first-admin"));
        QTest::keyClicks(field("adminPasswordConfirmLineEdit"), QStringLiteral("first-admin"));
        QTest::mouseClick(okButton(*dialog), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(!error->text().isEmpty());
        QVERIFY(!services::CounterSetup::exists(setup.path));

        field("passphraseConfirmLineEdit")->setText(QStringLiteral("counter at the city hall 2026!"));
        QTest::mouseClick(okButton(*dialog), Qt::LeftButton);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QVERIFY(services::CounterSetup::exists(setup.path));
        QVERIFY(setup.store);
        services::OperatorService operators(setup.store->database(), setup.clock);
        auto admin = operators.authenticate(QStringLiteral("admin"), core::SecureBytes(QByteArrayView("first-admin")));
        QVERIFY(admin);
        QCOMPARE(admin->role, services::Role::Admin);
        QVERIFY(field("adminPasswordLineEdit")->text().isEmpty()); // secrets do not linger in the form
    }

    // No keychain here: the choice is visible but disabled, says why in words, and the passphrase is
    // the default; the counter is created passphrase-only.
    void keychainUnavailableIsDisabledWithItsReason()
    {
        Setup setup;
        const core::Error why{core::Errc::Unsupported, QStringLiteral("OS keychain: cannot autolaunch D-Bus"), 5};
        auto dialog = setup.dialog(core::fail(why));
        dialog->show();
        auto* keychain = child<QRadioButton>(*dialog, "keychainRadioButton");
        auto* status = child<QLabel>(*dialog, "keychainStatusLabel");
        QVERIFY(keychain->isVisible());
        QVERIFY(!keychain->isEnabled());
        QVERIFY(child<QRadioButton>(*dialog, "passphraseRadioButton")->isChecked());
        QVERIFY(status->text().contains(gui::Messages::keychainProblem(why)));
        QVERIFY(status->text().startsWith(QStringLiteral("✖"))); // text + symbol, never colour alone
        QVERIFY(status->toolTip().contains(QStringLiteral("D-Bus")));
        QVERIFY(child<QLabel>(*dialog, "passphraseLabel")->text().contains(QStringLiteral("Administrator")));
        QVERIFY(test::saveScreenshot(*dialog, QStringLiteral("first-run-no-keychain")));

        fillValidForm(*dialog);
        QTest::mouseClick(okButton(*dialog), Qt::LeftButton);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QVERIFY(setup.chosen == store::KeyWrapping::PassphraseOnly);
        QCOMPARE(setup.store->keyWrapping(), store::KeyWrapping::PassphraseOnly);
        QVERIFY(setup.keychain.state().entries.isEmpty());
    }

    // A keychain answers: it is the default, the passphrase becomes the recovery passphrase, the key
    // lands in the keychain and the key file records it, so the next start needs no prompt.
    void keychainAvailableIsTheDefault()
    {
        Setup setup;
        auto dialog = setup.dialog(core::Result<void>{});
        dialog->show();
        auto* keychain = child<QRadioButton>(*dialog, "keychainRadioButton");
        QVERIFY(keychain->isEnabled());
        QVERIFY(keychain->isChecked());
        QVERIFY(child<QLabel>(*dialog, "keychainStatusLabel")->text().startsWith(QStringLiteral("✔")));
        QVERIFY(child<QLabel>(*dialog, "passphraseLabel")->text().contains(QStringLiteral("Recovery")));
        QVERIFY(child<QLabel>(*dialog, "keyNoteLabel")->text().contains(QStringLiteral("recovery passphrase")));
        QVERIFY(test::saveScreenshot(*dialog, QStringLiteral("first-run-keychain")));

        fillValidForm(*dialog);
        QTest::mouseClick(okButton(*dialog), Qt::LeftButton);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QVERIFY(setup.chosen == store::KeyWrapping::KeychainAndPassphrase);
        QCOMPARE(setup.keychain.entryFor(setup.path).size(), 32);
        setup.store.reset();
        auto next = services::CounterSetup::unlockWithoutPrompt(setup.path, setup.keychain);
        QVERIFY(next.session);
    }

    // The keychain answered the probe but refuses the key (locked meanwhile, or the user said no):
    // said in keychain words, nothing created, the dialog stays for another choice.
    void keychainRefusalIsWordedAndCreatesNothing()
    {
        Setup setup;
        const core::Error refused{core::Errc::PermissionDenied, QStringLiteral("OS keychain: denied"), 4};
        setup.keychain.state().writeFailure = refused;
        auto dialog = setup.dialog(core::Result<void>{});
        dialog->show();
        fillValidForm(*dialog);
        QTest::mouseClick(okButton(*dialog), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QCOMPARE(child<QLabel>(*dialog, "errorLabel")->text(),
                 QStringLiteral("⚠ ") + gui::Messages::keychainStoreFailed(refused));
        QVERIFY(!services::CounterSetup::exists(setup.path));

        setup.keychain.state().writeFailure.reset();
        child<QRadioButton>(*dialog, "passphraseRadioButton")->click();
        QTest::mouseClick(okButton(*dialog), Qt::LeftButton);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QVERIFY(setup.chosen == store::KeyWrapping::PassphraseOnly);
    }

    // The choice by keyboard alone: the passphrase radio is reached with the arrow key and changes
    // the wording back to the administrator passphrase.
    void choiceByKeyboard()
    {
        Setup setup;
        auto dialog = setup.dialog(core::Result<void>{});
        dialog->show();
        QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
        auto* keychain = child<QRadioButton>(*dialog, "keychainRadioButton");
        keychain->setFocus();
        QTest::keyClick(keychain, Qt::Key_Down);
        QVERIFY(child<QRadioButton>(*dialog, "passphraseRadioButton")->isChecked());
        QVERIFY(child<QLabel>(*dialog, "passphraseLabel")->text().contains(QStringLiteral("Administrator")));
        QVERIFY(child<QLabel>(*dialog, "keyNoteLabel")->text().contains(QStringLiteral("every start")));
        fillValidForm(*dialog);
        QTest::mouseClick(okButton(*dialog), Qt::LeftButton);
        QVERIFY(setup.chosen == store::KeyWrapping::PassphraseOnly);
        QVERIFY(setup.keychain.state().entries.isEmpty());
    }
};

QTEST_MAIN(TestFirstRunDialog)
#include "TestFirstRunDialog.moc"
