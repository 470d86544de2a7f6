#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

namespace madoguchi::gui {

// Installs Madoguchi's and Qt's own translations for "ja" or "en", and swaps them live: installing
// a translator sends QEvent::LanguageChange to every widget, which retranslates itself (issue 6
// item 8). Owned by main(); the Settings page calls switchTo().
class LanguageSwitcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageSwitcher)

public:
    explicit LanguageSwitcher(QObject* parent = nullptr);
    ~LanguageSwitcher() override;

    // Japanese on a Japanese system locale, English otherwise.
    [[nodiscard]] static QString systemDefault();
    void switchTo(const QString& language);
    [[nodiscard]] QString language() const { return m_language; }

Q_SIGNALS:
    void languageChanged(const QString& language);

private:
    QString m_language;
    QTranslator m_qt;
    QTranslator m_own;
};

} // namespace madoguchi::gui
