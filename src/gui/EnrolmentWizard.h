#pragma once

#include "core/Error.h"
#include "core/SecureBytes.h"
#include "services/CardSummary.h"
#include "services/Operator.h"
#include "store/Linkage.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QPrinter;

namespace Ui {
class EnrolmentWizard;
}

namespace madoguchi::core {
class Clock;
}
namespace madoguchi::services {
class CardReaderService;
class EnrolmentService;
} // namespace madoguchi::services

namespace madoguchi::gui {

class ResidentPinDialog;

// The enrolment page (issue 6 item 3), explicit steps: card → proof of the holder → kind → fields →
// review → receipt. It renders what EnrolmentService answers; the rules (which assurance counts, which
// fields are valid, who may enrol) are the service's. Removing the card at any step before the commit
// cancels the enrolment and stores nothing.
class EnrolmentWizard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnrolmentWizard)

public:
    enum Step
    {
        CardStep,
        ProofStep,
        KindStep,
        FieldsStep,
        ReviewStep,
        DoneStep,
    };

    EnrolmentWizard(services::EnrolmentService& service, services::CardReaderService& cards,
                    const services::Operator& op, const core::Clock& clock, QWidget* parent = nullptr);
    ~EnrolmentWizard() override;

    [[nodiscard]] Step step() const;
    // The PIN dialog while it is open (tests drive it); null otherwise.
    [[nodiscard]] ResidentPinDialog* pinDialog() const;
    // Screen index for the resident-facing PIN dialog (setting / --pin-screen); -1: same screen.
    void setPinScreen(int index) { m_pinScreen = index; }
    [[nodiscard]] std::optional<store::Linkage> lastLinkage() const { return m_linkage; }
    // Prints the receipt of the last enrolment (no PAN, no individual number).
    void printReceipt(QPrinter& printer) const;
    [[nodiscard]] QString receiptHtml() const;

    void showCard(const services::CardSummary& summary);

Q_SIGNALS:
    void stepChanged(int step);
    void proofFinished(bool proved);
    void enrolled(const madoguchi::store::Linkage& linkage);
    void cancelled(const QString& why);

private:
    void onCardRemoved(const QString& reader);
    void onNextClicked();
    void onBackClicked();
    void onPrintClicked();
    void onPinRouteClicked();
    void onPinDialogFinished(int result);
    void onPhotoToggled(bool checked);
    void cancel(const QString& why);
    void goTo(Step step);
    void updateButtons();
    [[nodiscard]] bool cardUsable(QString* why) const;
    void loadKinds();
    void buildFields();
    [[nodiscard]] bool validateFields();
    void buildReview();
    void commit();
    void showProofResult(const core::Error* error);

    const std::unique_ptr<Ui::EnrolmentWizard> m_ui;
    services::EnrolmentService& m_service;
    const services::Operator& m_operator;
    const core::Clock& m_clock;
    std::optional<services::CardSummary> m_summary;
    std::optional<store::Assurance> m_assurance;
    std::optional<store::Linkage> m_linkage;
    QList<QPair<QString, QLineEdit*>> m_inputs;
    QHash<QString, QLabel*> m_errorLabels;
    core::SecureBytes m_pan;
    QString m_panMasked;
    QPointer<ResidentPinDialog> m_pinDialog;
    int m_pinScreen = -1;
    int m_generation = 0; // bumps on cancel: answers of an abandoned proof are dropped
};

} // namespace madoguchi::gui
