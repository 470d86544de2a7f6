#pragma once

#include "core/Error.h"
#include "services/CardSummary.h"

#include <QWidget>

#include <memory>

namespace Ui {
class CardView;
}

namespace madoguchi::gui {

// The inserted card as the counter sees it: kind, identity, validity and the verdict; or a plain
// empty state, a progress state, or an error in words.
class CardView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CardView)

public:
    explicit CardView(QWidget* parent = nullptr);
    ~CardView() override;

    void showEmpty();
    void showReading(const QString& reader);
    // The card was read; its revocation check (possibly OCSP over the network) is running.
    void showCheckingRevocation(const QString& reader);
    void showCard(const services::CardSummary& summary);
    void showError(const QString& reader, const core::Error& error);

    [[nodiscard]] static QString kindText(const services::CardSummary& summary);
    [[nodiscard]] static QString verdictText(const services::CardSummary& summary);
    [[nodiscard]] static QString revocationText(const services::CardSummary::Revocation& revocation);
    [[nodiscard]] static QString sourceText(const services::CardSummary::Revocation& revocation);
    [[nodiscard]] static QString ageText(qint64 seconds);

private:
    [[nodiscard]] static QString unknownText(const services::CardSummary::Revocation& revocation);

    const std::unique_ptr<Ui::CardView> m_ui;
};

} // namespace madoguchi::gui
