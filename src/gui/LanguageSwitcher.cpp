#include "gui/LanguageSwitcher.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace madoguchi::gui {

LanguageSwitcher::LanguageSwitcher(QObject* parent) : QObject(parent) {}

LanguageSwitcher::~LanguageSwitcher()
{
    QCoreApplication::removeTranslator(&m_own);
    QCoreApplication::removeTranslator(&m_qt);
}

QString LanguageSwitcher::systemDefault()
{
    return QLocale::system().language() == QLocale::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
}

void LanguageSwitcher::switchTo(const QString& language)
{
    if (language == m_language) {
        return;
    }
    const bool japanese = language == QStringLiteral("ja");
    m_language = japanese ? QStringLiteral("ja") : QStringLiteral("en");
    QLocale::setDefault(
        QLocale(japanese ? QLocale::Japanese : QLocale::English, japanese ? QLocale::Japan : QLocale::UnitedStates));
    QCoreApplication::removeTranslator(&m_qt);
    QCoreApplication::removeTranslator(&m_own);
    // Qt's own strings (dialog buttons, context menus) in the same language (qtbase_ja.qm).
    if (m_qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(&m_qt);
    }
    if (m_own.load(QStringLiteral(":/i18n/madoguchi_%1.qm").arg(m_language))) {
        QCoreApplication::installTranslator(&m_own);
    } else {
        qCWarning(lcGui) << "no translation for" << m_language;
    }
    Q_EMIT languageChanged(m_language);
}

} // namespace madoguchi::gui
