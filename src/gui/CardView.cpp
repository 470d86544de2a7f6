#include "gui/CardView.h"
#include "ui_CardView.h"

#include "gui/Messages.h"
#include "gui/RevocationsCrlModel.h"

namespace madoguchi::gui {

using services::CardSummary;

namespace {

QString hexGroups(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex(':').toUpper());
}

} // namespace

CardView::CardView(QWidget* parent) : QWidget(parent), m_ui(std::make_unique<Ui::CardView>())
{
    m_ui->setupUi(this);
    showEmpty();
}

CardView::~CardView() = default;

void CardView::showEmpty()
{
    m_ui->stateStack->setCurrentWidget(m_ui->emptyPage);
}

void CardView::showReading(const QString& reader)
{
    m_ui->readingLabel->setText(tr("Reading the card on %1…").arg(reader));
    m_ui->stateStack->setCurrentWidget(m_ui->readingPage);
}

QString CardView::kindText(const CardSummary& summary)
{
    QString kind;
    switch (summary.kind) {
    case CardSummary::Kind::MyNumberCard:
        kind = tr("My Number Card");
        break;
    case CardSummary::Kind::JukiCard:
        kind = tr("Basic Resident Register card (old)");
        break;
    case CardSummary::Kind::Smartphone:
        kind = tr("Smartphone JPKI");
        break;
    case CardSummary::Kind::Unknown:
        kind = tr("Unknown JPKI token");
        break;
    }
    if (!summary.hasPins) {
        kind += tr(" — face-authentication card (no PINs, no signing certificate)");
    }
    return kind;
}

QString CardView::verdictText(const CardSummary& summary)
{
    switch (summary.chain) {
    case CardSummary::ChainStatus::Trusted:
        return tr("✔ Certificate chain verified (J-LIS).") + QLatin1Char(' ') + revocationText(summary.revocation);
    case CardSummary::ChainStatus::TrustedTestPki:
        return tr("✔ Certificate chain verified against a TEST root.") + QLatin1Char(' ') +
               revocationText(summary.revocation);
    case CardSummary::ChainStatus::Untrusted:
        return tr("✖ Certificate not accepted: %1")
            .arg(summary.chainError ? Messages::describe(*summary.chainError) : QString());
    case CardSummary::ChainStatus::NotChecked:
        break;
    }
    return tr("Certificate chain not checked.");
}

QString CardView::ageText(qint64 seconds)
{
    if (seconds < 0) {
        return tr("age unknown");
    }
    if (seconds < 2 * 3600) {
        return tr("%n minute(s) old", nullptr, int(seconds / 60));
    }
    if (seconds < 2 * 86400) {
        return tr("%n hour(s) old", nullptr, int(seconds / 3600));
    }
    return tr("%n day(s) old", nullptr, int(seconds / 86400));
}

// Where the verdict came from, in words (issue 3 item 9): which CRL and its age, or which OCSP responder
// and when it answered, or the platform's feed.
QString CardView::sourceText(const CardSummary::Revocation& r)
{
    using Via = CardSummary::Revocation::Via;
    if (r.source.isEmpty()) {
        return QString();
    }
    const QString time = r.sourceTime.toLocalTime().toString(Qt::ISODate);
    switch (r.via) {
    case Via::Crl:
        return tr("(from the CRL of %1 issued %2, %3%4)")
            .arg(r.source, time, ageText(r.sourceAgeSeconds), r.sourceStale ? tr(", STALE") : QString());
    case Via::Ocsp:
        return tr("(from the OCSP responder %1, answered %2)").arg(r.source, time);
    case Via::PlatformFeed:
        return tr("(from the platform's revocation feed %1, as of %2)").arg(r.source, time);
    case Via::None:
        break;
    }
    return QString();
}

QString CardView::unknownText(const CardSummary::Revocation& r)
{
    using Why = CardSummary::Revocation::Why;
    switch (r.why) {
    case Why::NoCrlOfIssuer:
        return tr("no CRL of this issuer is loaded");
    case Why::CrlStale:
        return tr("the CRL is out of date") + QLatin1Char(' ') + sourceText(r);
    case Why::NoAnswer:
        return tr("no revocation source answered (CRL, OCSP) — do not rely on this card yet");
    case Why::NoSource:
        return tr("no revocation source is configured");
    case Why::ResponderUnknown:
        return tr("the OCSP responder does not know this certificate") + QLatin1Char(' ') + sourceText(r);
    case Why::None:
        break;
    }
    return QString();
}

QString CardView::revocationText(const CardSummary::Revocation& r)
{
    using State = CardSummary::Revocation::State;
    switch (r.state) {
    case State::NotChecked:
        return tr("Revocation not checked yet.");
    case State::Good:
        return tr("✔ Not revoked %1.").arg(sourceText(r));
    case State::Revoked:
        return tr("✖ REVOKED on %1: %2 %3.")
            .arg(r.revokedAt.toString(Qt::ISODate), RevocationsCrlModel::reasonText(r.reasonCode), sourceText(r));
    case State::Unknown:
        return tr("? Revocation status unknown: %1.").arg(unknownText(r));
    }
    return QString();
}

void CardView::showCheckingRevocation(const QString& reader)
{
    m_ui->readingLabel->setText(tr("Checking whether the card on %1 is revoked…").arg(reader));
    m_ui->stateStack->setCurrentWidget(m_ui->readingPage);
}

void CardView::showCard(const CardSummary& summary)
{
    m_ui->verdictLabel->setText(verdictText(summary));
    m_ui->verdictLabel->setToolTip(summary.revocation.detail);
    m_ui->kindValueLabel->setText(kindText(summary));
    m_ui->issuerValueLabel->setText(hexGroups(summary.issuerKeyId));
    m_ui->serialValueLabel->setText(hexGroups(summary.serial));
    // ISO dates read the same in both languages and cannot be confused (month/day order).
    m_ui->validityValueLabel->setText(tr("%1 – %2").arg(summary.notBefore.toLocalTime().date().toString(Qt::ISODate),
                                                        summary.notAfter.toLocalTime().date().toString(Qt::ISODate)));
    m_ui->readerValueLabel->setText(summary.readerName);
    m_ui->stateStack->setCurrentWidget(m_ui->cardPage);
}

void CardView::showError(const QString& reader, const core::Error& error)
{
    m_ui->errorLabel->setText(tr("%1\n(reader: %2)").arg(Messages::describe(error), reader));
    m_ui->errorTechnicalLabel->setText(Messages::technical(error));
    m_ui->stateStack->setCurrentWidget(m_ui->errorPage);
}

} // namespace madoguchi::gui
