#include "gui/EnrolmentWizard.h"
#include "ui_EnrolmentWizard.h"

#include "core/Clock.h"
#include "gui/EnrolmentReceipt.h"
#include "gui/Messages.h"
#include "gui/ResidentPinDialog.h"
#include "services/AccessPolicy.h"
#include "services/CardReaderService.h"
#include "services/EnrolmentService.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QTextDocument>

namespace madoguchi::gui {

EnrolmentWizard::EnrolmentWizard(services::EnrolmentService& service, services::CardReaderService& cards,
                                 const services::Operator& op, const core::Clock& clock, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::EnrolmentWizard>()), m_service(service), m_operator(op), m_clock(clock)
{
    m_ui->setupUi(this);
    m_ui->photoGroupBox->setVisible(service.settings().photoCheckApproved);
    connect(&cards, &services::CardReaderService::cardRead, this, &EnrolmentWizard::showCard);
    connect(&cards, &services::CardReaderService::cardRemoved, this, &EnrolmentWizard::onCardRemoved);
    connect(m_ui->nextButton, &QPushButton::clicked, this, &EnrolmentWizard::onNextClicked);
    connect(m_ui->backButton, &QPushButton::clicked, this, &EnrolmentWizard::onBackClicked);
    connect(m_ui->printButton, &QPushButton::clicked, this, &EnrolmentWizard::onPrintClicked);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, [this]() {
        if (step() == DoneStep) {
            m_ui->noticeLabel->clear();
            goTo(CardStep);
        } else {
            cancel(tr("The enrolment was cancelled. Nothing was stored."));
        }
    });
    connect(m_ui->pinRouteButton, &QPushButton::clicked, this, &EnrolmentWizard::onPinRouteClicked);
    connect(m_ui->photoMatchCheckBox, &QCheckBox::toggled, this, &EnrolmentWizard::onPhotoToggled);
    loadKinds();
    goTo(CardStep);
}

EnrolmentWizard::~EnrolmentWizard() = default;

ResidentPinDialog* EnrolmentWizard::pinDialog() const
{
    return m_pinDialog.data();
}

EnrolmentWizard::Step EnrolmentWizard::step() const
{
    return static_cast<Step>(m_ui->stepStack->currentIndex());
}

void EnrolmentWizard::showCard(const services::CardSummary& summary)
{
    if (step() != CardStep && step() != DoneStep) {
        return; // an enrolment is under way on another card's data; removal handles the change
    }
    m_summary = summary;
    m_ui->noticeLabel->clear();
    QString why;
    const bool usable = cardUsable(&why);
    m_ui->cardStatusLabel->setText(
        tr("Card on %1\nSerial: %2\n%3")
            .arg(summary.readerName, QString::fromLatin1(summary.serial.toHex(':').toUpper()),
                 usable ? tr("✔ Genuine card, valid certificate.") : QStringLiteral("✖ ") + why));
    if (step() == DoneStep) {
        goTo(CardStep);
    }
    updateButtons();
}

bool EnrolmentWizard::cardUsable(QString* why) const
{
    if (!m_summary) {
        *why = tr("No card has been read.");
        return false;
    }
    using Chain = services::CardSummary::ChainStatus;
    if (m_summary->chain != Chain::Trusted && m_summary->chain != Chain::TrustedTestPki) {
        *why = m_summary->chainError ? Messages::describe(*m_summary->chainError)
                                     : tr("The card's certificate is not from a trusted JPKI authority.");
        return false;
    }
    const QDateTime now = m_clock.now();
    if (now > m_summary->notAfter || now < m_summary->notBefore) {
        *why = tr("The card's certificate is expired or not yet valid; it cannot be enrolled.");
        return false;
    }
    return true;
}

void EnrolmentWizard::onCardRemoved(const QString& reader)
{
    if (!m_summary || m_summary->readerName != reader) {
        return;
    }
    if (step() == CardStep || step() == DoneStep) {
        m_summary.reset();
        m_ui->cardStatusLabel->setText(tr("Place the resident's My Number Card on the reader."));
        updateButtons();
        return;
    }
    cancel(tr("The card was removed, so the enrolment was cancelled. Nothing was stored."));
}

void EnrolmentWizard::cancel(const QString& why)
{
    ++m_generation;
    if (m_pinDialog) {
        m_pinDialog->reject();
    }
    m_assurance.reset();
    m_pan.clear();
    m_ui->photoMatchCheckBox->setChecked(false);
    m_ui->proofStatusLabel->clear();
    for (const auto& input : std::as_const(m_inputs)) {
        input.second->clear();
    }
    m_ui->noticeLabel->setText(why);
    goTo(CardStep);
    Q_EMIT cancelled(why);
}

void EnrolmentWizard::goTo(Step step)
{
    m_ui->stepStack->setCurrentIndex(step);
    static const char* const names[] = {
        QT_TR_NOOP("Read the card"),     QT_TR_NOOP("Prove the holder"), QT_TR_NOOP("Choose the linkage"),
        QT_TR_NOOP("Enter the details"), QT_TR_NOOP("Review"),           QT_TR_NOOP("Done")};
    m_ui->stepLabel->setText(tr("Step %1 of 6: %2").arg(step + 1).arg(tr(names[step])));
    updateButtons();
    Q_EMIT stepChanged(step);
}

void EnrolmentWizard::updateButtons()
{
    QString why;
    const Step current = step();
    bool next = false;
    switch (current) {
    case CardStep:
        next = cardUsable(&why) && m_ui->kindComboBox->count() > 0;
        break;
    case ProofStep:
        next = m_assurance.has_value();
        break;
    case KindStep:
        next = m_ui->kindComboBox->currentIndex() >= 0;
        break;
    case FieldsStep:
    case ReviewStep:
        next = true;
        break;
    case DoneStep:
        break;
    }
    m_ui->pinRouteButton->setEnabled(current == ProofStep && m_summary && m_summary->hasPins &&
                                     m_assurance != store::Assurance::PinSignature);
    m_ui->nextButton->setEnabled(next);
    m_ui->nextButton->setText(current == ReviewStep ? tr("&Enrol") : tr("&Next"));
    m_ui->nextButton->setVisible(current != DoneStep);
    m_ui->backButton->setEnabled(current > ProofStep && current < DoneStep);
    m_ui->printButton->setVisible(current == DoneStep);
    m_ui->cancelButton->setText(current == DoneStep ? tr("&New enrolment") : tr("Ca&ncel"));
}

void EnrolmentWizard::onNextClicked()
{
    switch (step()) {
    case CardStep:
        m_ui->noticeLabel->clear();
        m_ui->proofStatusLabel->setText(m_summary && !m_summary->hasPins
                                            ? tr("This is a face-authentication card: it has no PINs. Only the "
                                                 "photo check can prove the holder, where this office is approved.")
                                            : QString());
        goTo(ProofStep);
        break;
    case ProofStep:
        goTo(KindStep);
        break;
    case KindStep:
        buildFields();
        goTo(FieldsStep);
        break;
    case FieldsStep:
        if (validateFields()) {
            buildReview();
            goTo(ReviewStep);
        }
        break;
    case ReviewStep:
        commit();
        break;
    case DoneStep:
        break;
    }
}

void EnrolmentWizard::onBackClicked()
{
    if (step() > ProofStep && step() < DoneStep) {
        goTo(static_cast<Step>(step() - 1));
    }
}

void EnrolmentWizard::onPinRouteClicked()
{
    if (!m_summary) {
        return;
    }
    m_pinDialog = new ResidentPinDialog(m_service, m_summary->readerName, this);
    m_pinDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_pinDialog->placeOnScreen(m_pinScreen);
    connect(m_pinDialog, &QDialog::finished, this, &EnrolmentWizard::onPinDialogFinished);
    m_pinDialog->open();
    m_pinDialog->start();
}

void EnrolmentWizard::onPinDialogFinished(int result)
{
    if (result != QDialog::Accepted || !m_pinDialog || !m_summary) {
        return;
    }
    const int generation = m_generation;
    m_ui->proofStatusLabel->setText(tr("Checking the PIN and the card's signature…"));
    m_ui->pinRouteButton->setEnabled(false);
    m_service.proveHolder(*m_summary, m_pinDialog->takePin(), m_pinDialog->confirmation(), this,
                          [this, generation](core::Result<card::HolderProofResult> proof) {
                              if (generation != m_generation) {
                                  return;
                              }
                              showProofResult(proof ? nullptr : &proof.error());
                          });
}

void EnrolmentWizard::showProofResult(const core::Error* error)
{
    if (error == nullptr) {
        m_assurance = store::Assurance::PinSignature;
        m_ui->proofStatusLabel->setText(tr("✔ PIN and signature verified: the resident holds this card."));
    } else if (error->code == core::Errc::PinIncorrect) {
        m_ui->proofStatusLabel->setText(tr("✖ Wrong PIN. Tries left: %n. Nothing was retried; the resident may "
                                           "try again only if they wish.",
                                           nullptr, static_cast<int>(error->nativeCode & 0x0F)));
    } else {
        m_ui->proofStatusLabel->setText(QStringLiteral("✖ ") + Messages::describe(*error));
    }
    updateButtons();
    Q_EMIT proofFinished(error == nullptr);
}

void EnrolmentWizard::onPhotoToggled(bool checked)
{
    if (m_assurance == store::Assurance::PinSignature) {
        return; // the stronger proof stands
    }
    m_assurance = checked ? std::optional(store::Assurance::PhotoCheck) : std::nullopt;
    m_ui->proofStatusLabel->setText(checked ? tr("✔ Photo check recorded by %1.").arg(m_operator.id) : QString());
    updateButtons();
}

void EnrolmentWizard::onPrintClicked()
{
    QPrinter printer;
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted) {
        printReceipt(printer);
    }
}

void EnrolmentWizard::printReceipt(QPrinter& printer) const
{
    QTextDocument document;
    document.setHtml(receiptHtml());
    document.print(&printer);
}

QString EnrolmentWizard::receiptHtml() const
{
    return m_linkage ? EnrolmentReceipt::html(*m_linkage, m_operator.id) : QString();
}

} // namespace madoguchi::gui
