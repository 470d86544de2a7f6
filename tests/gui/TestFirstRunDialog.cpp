#include "gui/FirstRunDialog.h"
#include "services/CounterSetup.h"
#include "services/OperatorService.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace madoguchi;

// First run through the dialog: mismatched confirmations are caught; a good entry creates the
// database and the first admin, who can then sign in.
class TestFirstRunDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsDatabaseAndAdmin()
    {
        QTemporaryDir dir;
        const QString path = services::CounterSetup::databasePath(dir.path());
        core::SystemClock clock;
        std::optional<services::StoreSession> store;
        gui::FirstRunDialog dialog(dir.path(),
                                   [&](core::SecureBytes passphrase, const services::NewOperator& admin,
                                       core::SecureBytes password) -> core::Result<void> {
                                       auto created = services::CounterSetup::createCounter(path, std::move(passphrase),
                                                                                            admin, password, clock);
                                       if (!created) {
                                           return core::fail(created.error());
                                       }
                                       store.emplace(std::move(*created));
                                       return {};
                                   });
        auto field = [&](const char* name) { return dialog.findChild<QLineEdit*>(QLatin1String(name)); };
        auto* error = dialog.findChild<QLabel*>(QStringLiteral("errorLabel"));
        auto* ok = dialog.findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok);
        dialog.show();

        QTest::keyClicks(field("passphraseLineEdit"), QStringLiteral("short"));
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("strengthLabel"))->text().contains(QStringLiteral("12")));
        field("passphraseLineEdit")->clear();
        QTest::keyClicks(field("passphraseLineEdit"), QStringLiteral("counter at the city hall 2026!"));
        QTest::keyClicks(field("passphraseConfirmLineEdit"), QStringLiteral("counter at the city hall 2025!"));
        QTest::keyClicks(field("adminPasswordLineEdit"), QStringLiteral("first-admin"));
        QTest::keyClicks(field("adminPasswordConfirmLineEdit"), QStringLiteral("first-admin"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY(!error->text().isEmpty());
        QVERIFY(!services::CounterSetup::exists(path));

        field("passphraseConfirmLineEdit")->setText(QStringLiteral("counter at the city hall 2026!"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(services::CounterSetup::exists(path));
        QVERIFY(store);
        services::OperatorService operators(store->database(), clock);
        auto admin = operators.authenticate(QStringLiteral("admin"), core::SecureBytes(QByteArrayView("first-admin")));
        QVERIFY(admin);
        QCOMPARE(admin->role, services::Role::Admin);
        QVERIFY(field("adminPasswordLineEdit")->text().isEmpty()); // secrets do not linger in the form
    }
};

QTEST_MAIN(TestFirstRunDialog)
#include "TestFirstRunDialog.moc"
