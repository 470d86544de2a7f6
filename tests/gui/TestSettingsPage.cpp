#include "ShellFixture.h"
#include "gui/LanguageSwitcher.h"
#include "gui/MainWindow.h"
#include "gui/SettingsPage.h"
#include "pki/TrustStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace madoguchi;
using services::Role;
using services::Workspace;

// Settings: the language switches live (a visible text changes at once) and is stored; office
// settings are editable for admins only and every accepted change reaches the store.
class TestSettingsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fixture.setUp());
        auto trust = pki::TrustStore::load(pki::TrustMode::Training);
        QVERIFY(trust);
        m_trust = std::make_unique<pki::TrustStore>(std::move(*trust));
    }

    void languageSwitchesLive()
    {
        QVERIFY(m_fixture.signInAs(Role::Auditor)); // anyone may choose their language
        gui::LanguageSwitcher language;
        language.switchTo(QStringLiteral("en"));
        gui::MainWindow window(gui::MainWindow::Context{nullptr, nullptr, false, m_fixture.session.get(),
                                                        m_fixture.operators.get(), m_fixture.settings.get(),
                                                        m_trust.get(), &language});
        window.show();
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("pagesTabWidget"));
        const int cardTab = tabs->indexOf(window.page(Workspace::Card));
        QCOMPARE(tabs->tabText(cardTab), QStringLiteral("&Card"));
        auto* page = window.page(Workspace::Settings);
        auto* combo = page->findChild<QComboBox*>(QStringLiteral("languageComboBox"));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("en"));
        combo->setCurrentIndex(combo->findData(QStringLiteral("ja")));
        Q_EMIT combo->activated(combo->currentIndex());
        QCOMPARE(language.language(), QStringLiteral("ja"));
        QCOMPARE(m_fixture.settings->language(), QStringLiteral("ja"));
        // LanguageChange is delivered by the event loop; the tab text is then Japanese.
        QTRY_VERIFY2(tabs->tabText(cardTab) != QStringLiteral("&Card"), qPrintable(tabs->tabText(cardTab)));
        QVERIFY(!tabs->tabText(cardTab).contains(QStringLiteral("Card")));
        combo->setCurrentIndex(combo->findData(QStringLiteral("en")));
        Q_EMIT combo->activated(combo->currentIndex());
        QTRY_COMPARE(tabs->tabText(cardTab), QStringLiteral("&Card"));
    }

    void officeSettingsForAdminsOnly_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("editable");
        QTest::newRow("admin") << int(Role::Admin) << true;
        QTest::newRow("staff") << int(Role::MunicipalStaff) << false;
        QTest::newRow("clerk") << int(Role::InsurerClerk) << false;
        QTest::newRow("auditor") << int(Role::Auditor) << false;
    }

    void officeSettingsForAdminsOnly()
    {
        QFETCH(int, role);
        QFETCH(bool, editable);
        QVERIFY(m_fixture.signInAs(static_cast<Role>(role)));
        gui::SettingsPage page(*m_fixture.settings, *m_fixture.session, m_trust.get(), nullptr);
        QCOMPARE(page.findChild<QGroupBox*>(QStringLiteral("policyGroupBox"))->isEnabled(), editable);
        QCOMPARE(page.findChild<QLabel*>(QStringLiteral("officeHintLabel"))->isHidden(), editable);
        // The trust store is listed for everyone.
        QCOMPARE(page.findChild<QTableView*>(QStringLiteral("trustAnchorsTableView"))->model()->rowCount(),
                 static_cast<int>(m_trust->anchors().size()));
        if (editable) {
            auto* spin = page.findChild<QSpinBox*>(QStringLiteral("lockTimeoutSpinBox"));
            spin->setValue(12);
            QCOMPARE(m_fixture.settings->lockMinutes(), 12);
            auto* photo = page.findChild<QCheckBox*>(QStringLiteral("photoCheckCheckBox"));
            photo->setChecked(!photo->isChecked());
            QCOMPARE(m_fixture.settings->photoCheckApproved(), photo->isChecked());
        }
    }

private:
    test::ShellFixture m_fixture;
    std::unique_ptr<pki::TrustStore> m_trust;
};

QTEST_MAIN(TestSettingsPage)
#include "TestSettingsPage.moc"
