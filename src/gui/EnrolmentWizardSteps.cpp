// EnrolmentWizard, second half: the kind, fields, review and commit steps.
#include "gui/EnrolmentWizard.h"
#include "ui_EnrolmentWizard.h"

#include "gui/LinkageLabels.h"
#include "gui/ResidentPinDialog.h"
#include "gui/Messages.h"
#include "services/AccessPolicy.h"
#include "services/EnrolmentService.h"
#include "core/PaymentCardNumber.h"

#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>

namespace madoguchi::gui {

void EnrolmentWizard::loadKinds()
{
    m_ui->kindComboBox->clear();
    auto kinds = m_service.kinds();
    if (!kinds) {
        m_ui->noticeLabel->setText(Messages::describe(kinds.error()));
        return;
    }
    for (const QString& kind : std::as_const(*kinds)) {
        // Only kinds this role may change are offered; the service refuses the rest anyway.
        if (services::AccessPolicy::mayChangeKind(m_operator, kind)) {
            m_ui->kindComboBox->addItem(LinkageLabels::kind(kind), kind);
        }
    }
    if (m_ui->kindComboBox->count() == 0) {
        m_ui->noticeLabel->setText(
            tr("Your role (%1) cannot enrol residents.").arg(services::roleName(m_operator.role)));
    }
}

void EnrolmentWizard::buildFields()
{
    auto* form = m_ui->fieldsLayout;
    while (form->rowCount() > 0) {
        form->removeRow(0);
    }
    m_inputs.clear();
    m_errorLabels.clear();
    const QString kind = m_ui->kindComboBox->currentData().toString();
    auto names = m_service.inputFieldsOf(kind);
    if (!names) {
        m_ui->noticeLabel->setText(Messages::describe(names.error()));
        return;
    }
    for (const QString& name : std::as_const(*names)) {
        auto* edit = new QLineEdit(m_ui->fieldsStep);
        edit->setObjectName(name + QStringLiteral("LineEdit"));
        edit->setAccessibleName(LinkageLabels::field(name));
        if (name == QStringLiteral("pan")) {
            // The PAN is typed masked and moved into SecureBytes when the step is left (PCI DSS).
            edit->setEchoMode(QLineEdit::Password);
            edit->setMaxLength(19);
            edit->setPlaceholderText(tr("typed hidden; never stored"));
        } else if (name == QStringLiteral("platform_id")) {
            edit->setPlaceholderText(tr("leave empty to issue a new platform ID here"));
        }
        auto* error = new QLabel(m_ui->fieldsStep);
        error->setObjectName(name + QStringLiteral("ErrorLabel"));
        error->setWordWrap(true);
        auto* label = new QLabel(LinkageLabels::field(name) + QLatin1Char(':'), m_ui->fieldsStep);
        label->setBuddy(edit);
        form->addRow(label, edit);
        form->addRow(QString(), error);
        m_inputs.append({name, edit});
        m_errorLabels.insert(name, error);
        connect(edit, &QLineEdit::editingFinished, this, [this]() { static_cast<void>(validateFields()); });
    }
    if (!m_inputs.isEmpty()) {
        m_inputs.first().second->setFocus();
    }
}

bool EnrolmentWizard::validateFields()
{
    const QString kind = m_ui->kindComboBox->currentData().toString();
    QJsonObject fields;
    core::SecureBytes pan;
    for (const auto& [name, edit] : std::as_const(m_inputs)) {
        if (name == QStringLiteral("pan")) {
            for (const QChar c : edit->text()) {
                if (!c.isSpace()) {
                    pan.append(static_cast<std::uint8_t>(c.toLatin1()));
                }
            }
        } else {
            fields.insert(name, edit->text().trimmed());
        }
    }
    const auto issues = services::EnrolmentService::validateDraft(kind, fields, pan);
    for (auto* label : std::as_const(m_errorLabels)) {
        label->clear();
    }
    for (const auto& issue : issues) {
        if (auto* label = m_errorLabels.value(issue.field)) {
            label->setText(QStringLiteral("✖ ") + tr("%1: %2").arg(LinkageLabels::field(issue.field), issue.reason));
        } else {
            m_ui->noticeLabel->setText(QStringLiteral("✖ ") + issue.reason);
        }
    }
    if (issues.isEmpty() && kind == QStringLiteral("credit_card")) {
        m_panMasked =
            tr("%1 ending in %2").arg(core::PaymentCardNumber::brandOf(pan), core::PaymentCardNumber::lastFour(pan));
        m_pan = std::move(pan);
    }
    return issues.isEmpty();
}

void EnrolmentWizard::buildReview()
{
    const QString kind = m_ui->kindComboBox->currentData().toString();
    QString text = tr("<p><b>Card</b>: %1</p><p><b>Holder proved by</b>: %2</p><p><b>Linkage</b>: %3</p>")
                       .arg(QString::fromLatin1(m_summary->serial.toHex(':').toUpper()),
                            LinkageLabels::assurance(*m_assurance), LinkageLabels::kind(kind).toHtmlEscaped());
    for (const auto& [name, edit] : std::as_const(m_inputs)) {
        const QString value = name == QStringLiteral("pan") ? m_panMasked : edit->text().trimmed();
        text += QStringLiteral("<p><b>%1</b>: %2</p>")
                    .arg(LinkageLabels::field(name).toHtmlEscaped(), value.toHtmlEscaped());
    }
    m_ui->reviewLabel->setText(text);
}

void EnrolmentWizard::commit()
{
    services::EnrolRequest request;
    request.card = store::CardIdentity{m_summary->issuerKeyId, m_summary->serial};
    request.kind = m_ui->kindComboBox->currentData().toString();
    request.assurance = *m_assurance;
    request.validFrom = m_clock.now().date();
    for (const auto& [name, edit] : std::as_const(m_inputs)) {
        if (name == QStringLiteral("pan")) {
            edit->clear();
        } else {
            request.fields.insert(name, edit->text().trimmed());
        }
    }
    request.pan = std::move(m_pan);
    auto linkage = m_service.enrol(m_operator, std::move(request));
    if (!linkage) {
        m_ui->noticeLabel->setText(QStringLiteral("✖ ") + Messages::describe(linkage.error()));
        return;
    }
    m_linkage = *linkage;
    m_ui->receiptTextBrowser->setHtml(receiptHtml());
    m_ui->noticeLabel->setText(tr("✔ Enrolled. Print the receipt for the resident."));
    m_assurance.reset();
    m_ui->photoMatchCheckBox->setChecked(false);
    goTo(DoneStep);
    Q_EMIT enrolled(*m_linkage);
}

} // namespace madoguchi::gui
