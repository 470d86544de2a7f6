#pragma once

#include "core/Result.h"
#include "pki/CardIdentity.h"
#include "pki/JpkiPersonalData.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace madoguchi::pki {

enum class JpkiCertificateKind
{
    Auth, // 利用者証明用電子証明書: policy …8.5.1.3.30 (or test …8.5.1.0.30)
    Sign, // 署名用電子証明書: policy …8.5.1.1.20 (or test …8.5.1.0.20)
};

// A JPKI end-entity certificate as Madoguchi reads it (jpki-card.md §5): the card identity, validity,
// kind by policy OID and, for signing certificates, the personal data of the SAN otherNames.
// parse() checks structure only; trust and validity are CertificateValidator's job.
class JpkiCertificate final
{
public:
    // DER (a card's EF) or PEM. Errc::CertificateInvalid with a precise detail on any malformed part.
    [[nodiscard]] static core::Result<JpkiCertificate> parse(const QByteArray& derOrPem);

    [[nodiscard]] const QByteArray& der() const { return m_der; }
    [[nodiscard]] const CardIdentity& identity() const { return m_identity; }
    [[nodiscard]] JpkiCertificateKind kind() const { return m_kind; }
    [[nodiscard]] const QString& policyOid() const { return m_policyOid; }
    [[nodiscard]] bool isTestEnvironmentPolicy() const { return m_testEnvironment; }
    [[nodiscard]] const QDateTime& notBefore() const { return m_notBefore; }
    [[nodiscard]] const QDateTime& notAfter() const { return m_notAfter; }
    // RFC 4514 form. A signing cert's subject names the prefecture and city: treat as personal data.
    [[nodiscard]] const QString& subject() const { return m_subject; }
    [[nodiscard]] const QString& issuer() const { return m_issuer; }
    // Signing certificates only. Personal data: never log, show only on an operator's action.
    [[nodiscard]] const std::optional<JpkiPersonalData>& personalData() const { return m_personal; }

private:
    JpkiCertificate() = default;

    QByteArray m_der;
    CardIdentity m_identity;
    JpkiCertificateKind m_kind = JpkiCertificateKind::Auth;
    QString m_policyOid;
    bool m_testEnvironment = false;
    QDateTime m_notBefore;
    QDateTime m_notAfter;
    QString m_subject;
    QString m_issuer;
    std::optional<JpkiPersonalData> m_personal;
};

} // namespace madoguchi::pki
