#include "services/CardSummaryReader.h"

#include "card/JpkiCard.h"
#include "core/Logging.h"
#include "pki/CertificateValidator.h"
#include "pki/JpkiCertificate.h"
#include "pki/TrustStore.h"

#include <QElapsedTimer>

namespace madoguchi::services {

using core::Errc;

namespace {

CardSummary::Kind kindOf(card::TokenKind token)
{
    switch (token) {
    case card::TokenKind::MyNumberCard:
        return CardSummary::Kind::MyNumberCard;
    case card::TokenKind::JukiCard:
        return CardSummary::Kind::JukiCard;
    case card::TokenKind::Smartphone:
        return CardSummary::Kind::Smartphone;
    case card::TokenKind::Unknown:
        break;
    }
    return CardSummary::Kind::Unknown;
}

// Fills identity, validity and the chain verdict. A certificate that does not validate is still
// shown (the clerk must see *which* card failed), with the reason.
void describeCertificate(CardSummary& summary, const QByteArray& der, const pki::CertificateValidator& validator)
{
    if (auto parsed = pki::JpkiCertificate::parse(der)) {
        summary.issuerKeyId = parsed->identity().issuerKeyId;
        summary.serial = parsed->identity().serial;
        summary.issuerName = parsed->issuer();
        summary.notBefore = parsed->notBefore();
        summary.notAfter = parsed->notAfter();
    }
    summary.certDer = der;
    auto validated = validator.validate(der, pki::JpkiCertificateKind::Auth);
    if (validated) {
        summary.issuerCertDer = validated->anchor.certDer;
        summary.chain =
            validated->testPki ? CardSummary::ChainStatus::TrustedTestPki : CardSummary::ChainStatus::Trusted;
    } else {
        summary.chain = CardSummary::ChainStatus::Untrusted;
        summary.chainError = validated.error();
    }
}

} // namespace

core::Result<CardSummary> CardSummaryReader::read(card::CardConnection& connection) const
{
    QElapsedTimer timer;
    timer.start();
    const int apdusBefore = connection.apduCount();
    card::JpkiCard jpki(connection, card::JpkiCardOptions{connection.supportsExtendedLength()});
    auto transaction = jpki.transaction();
    if (!transaction) {
        return core::fail(transaction.error());
    }
    CardSummary summary;
    summary.readerName = connection.readerName();
    if (auto selected = jpki.selectJpkiAp(); !selected) {
        return core::fail(selected.error());
    }
    auto token = jpki.readToken();
    if (!token) {
        return core::fail(token.error());
    }
    summary.kind = kindOf(*token);
    auto certificate = jpki.readAuthCertificate();
    if (!certificate) {
        return core::fail(certificate.error());
    }
    describeCertificate(summary, *certificate, pki::CertificateValidator(m_trust, m_clock));
    // A face-authentication card has no PIN EFs (jpki-card.md §4): say so before anyone asks for one.
    auto pin = jpki.pinStatus(card::PinKind::Auth);
    if (!pin && pin.error().code != Errc::PinNotAvailable) {
        return core::fail(pin.error());
    }
    summary.hasPins = pin.has_value();
    summary.apduCount = connection.apduCount() - apdusBefore;
    summary.elapsedMicros = timer.nsecsElapsed() / 1000;
    qCInfo(lcServices) << "card read:" << summary.apduCount << "APDUs," << summary.elapsedMicros << "µs";
    return summary;
}

} // namespace madoguchi::services
