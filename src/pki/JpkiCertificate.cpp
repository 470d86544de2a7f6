#include "pki/JpkiCertificate.h"

#include "pki/JpkiOids.h"
#include "pki/OpenSsl.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <map>

namespace madoguchi::pki {

namespace {

core::Error invalid(const QString& detail)
{
    return core::Error{core::Errc::CertificateInvalid, detail, 0};
}

struct PolicyVerdict
{
    JpkiCertificateKind kind;
    QString oid;
    bool testEnvironment;
};

core::Result<PolicyVerdict> policyOf(X509* cert)
{
    int critical = 0;
    ossl::CertificatePoliciesPtr list(
        static_cast<CERTIFICATEPOLICIES*>(X509_get_ext_d2i(cert, NID_certificate_policies, &critical, nullptr)));
    if (!list) {
        return core::fail(invalid(critical == -1 ? QStringLiteral("no certificatePolicies extension")
                                                 : QStringLiteral("certificatePolicies does not decode")));
    }
    std::optional<PolicyVerdict> found;
    for (int i = 0; i < sk_POLICYINFO_num(list.get()); ++i) {
        const QString oid = ossl::oidText(sk_POLICYINFO_value(list.get(), i)->policyid);
        std::optional<PolicyVerdict> verdict;
        if (oid == QLatin1String(oid::AuthPolicy) || oid == QLatin1String(oid::TestAuthPolicy)) {
            verdict = PolicyVerdict{JpkiCertificateKind::Auth, oid, oid == QLatin1String(oid::TestAuthPolicy)};
        } else if (oid == QLatin1String(oid::SignPolicy) || oid == QLatin1String(oid::TestSignPolicy)) {
            verdict = PolicyVerdict{JpkiCertificateKind::Sign, oid, oid == QLatin1String(oid::TestSignPolicy)};
        }
        if (verdict && found) {
            return core::fail(invalid(QStringLiteral("more than one JPKI policy: %1, %2").arg(found->oid, oid)));
        }
        if (verdict) {
            found = verdict;
        }
    }
    if (!found) {
        return core::fail(invalid(QStringLiteral("no JPKI certificate policy (…8.5.1.3.30 / …8.5.1.1.20)")));
    }
    return *found;
}

bool isUtf8(const QByteArray& bytes, QString& out)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    out = decoder.decode(bytes);
    return !decoder.hasError() && !out.contains(QChar(0));
}

// The SAN otherNames under …8.5.5 as OID → text, each `[0] EXPLICIT UTF8String`, each at most once.
core::Result<std::map<QString, QString>> jpkiOtherNames(X509* cert)
{
    std::map<QString, QString> out;
    int critical = 0;
    ossl::GeneralNamesPtr names(
        static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, &critical, nullptr)));
    if (!names) {
        if (critical == -1) {
            return out;
        }
        return core::fail(invalid(QStringLiteral("subjectAltName does not decode")));
    }
    const QString arc = QString::fromLatin1(oid::SanName).chopped(1); // "1.2.392.200149.8.5.5."
    for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME* name = sk_GENERAL_NAME_value(names.get(), i);
        if (name->type != GEN_OTHERNAME) {
            continue;
        }
        const QString oid = ossl::oidText(name->d.otherName->type_id);
        if (!oid.startsWith(arc)) {
            continue;
        }
        const ASN1_TYPE* value = name->d.otherName->value;
        if (value->type != V_ASN1_UTF8STRING) {
            return core::fail(invalid(QStringLiteral("SAN otherName %1 is %2, not UTF8String")
                                          .arg(oid, QString::fromLatin1(ASN1_tag2str(value->type)))));
        }
        QString text;
        if (!isUtf8(ossl::toBytes(value->value.utf8string), text)) {
            return core::fail(invalid(QStringLiteral("SAN otherName %1 is not valid UTF-8").arg(oid)));
        }
        if (!out.emplace(oid, text).second) {
            return core::fail(invalid(QStringLiteral("SAN otherName %1 appears twice").arg(oid)));
        }
    }
    return out;
}

core::Result<void> checkFlags(const QString& what, const QString& text, const QString& flags)
{
    if (text.isEmpty()) {
        return core::fail(invalid(QStringLiteral("SAN %1 is empty").arg(what)));
    }
    for (const QChar c : flags) {
        if (c != QLatin1Char('0') && c != QLatin1Char('1')) {
            return core::fail(invalid(QStringLiteral("SAN %1 substitute flags contain '%2'").arg(what, c)));
        }
    }
    const qsizetype characters = JpkiPersonalData::characterCount(text);
    if (flags.size() != characters) {
        return core::fail(invalid(QStringLiteral("SAN %1 substitute flags: %2 flags for %3 characters")
                                      .arg(what)
                                      .arg(flags.size())
                                      .arg(characters)));
    }
    return {};
}

// `EYYYYMMDD` (jpki-card.md §5): era digit 0–5, a real Gregorian date, inside that era.
core::Result<void> parseBirth(const QString& field, JpkiPersonalData& data)
{
    static const QRegularExpression shape(QStringLiteral("^[0-9]{9}$"));
    if (!shape.match(field).hasMatch()) {
        return core::fail(invalid(QStringLiteral("SAN birth date '%1' is not EYYYYMMDD").arg(field)));
    }
    data.eraDigit = field.at(0).digitValue();
    data.birthDate = QDate::fromString(field.mid(1), QStringLiteral("yyyyMMdd"));
    if (data.eraDigit > 5) {
        return core::fail(invalid(QStringLiteral("SAN birth date: era digit %1 is not 0–5").arg(data.eraDigit)));
    }
    if (!data.birthDate.isValid()) {
        return core::fail(invalid(QStringLiteral("SAN birth date: %1 is not a calendar date").arg(field.mid(1))));
    }
    const int expected = JpkiPersonalData::eraDigitFor(data.birthDate);
    if (data.eraDigit != 0 && data.eraDigit != expected) {
        return core::fail(invalid(QStringLiteral("SAN birth date: era digit %1 but %2 falls in era %3")
                                      .arg(data.eraDigit)
                                      .arg(data.birthDate.toString(Qt::ISODate))
                                      .arg(expected)));
    }
    return {};
}

core::Result<JpkiPersonalData> personalFrom(const std::map<QString, QString>& names)
{
    const auto get = [&names](const char* oid) -> std::optional<QString> {
        const auto it = names.find(QString::fromLatin1(oid));
        return it == names.end() ? std::nullopt : std::optional<QString>(it->second);
    };
    for (const char* required :
         {oid::SanName, oid::SanNameFlags, oid::SanSex, oid::SanBirth, oid::SanAddress, oid::SanAddressFlags}) {
        if (!get(required)) {
            return core::fail(invalid(QStringLiteral("SAN otherName %1 missing").arg(QLatin1String(required))));
        }
    }
    JpkiPersonalData data;
    data.name = *get(oid::SanName);
    data.nameFlags = *get(oid::SanNameFlags);
    data.sex = *get(oid::SanSex);
    data.address = *get(oid::SanAddress);
    data.addressFlags = *get(oid::SanAddressFlags);
    if (data.sex != QStringLiteral("1") && data.sex != QStringLiteral("2") && data.sex != QStringLiteral("9")) {
        return core::fail(invalid(QStringLiteral("SAN sex '%1' is not 1, 2 or 9").arg(data.sex)));
    }
    for (auto check : {checkFlags(QStringLiteral("name"), data.name, data.nameFlags),
                       checkFlags(QStringLiteral("address"), data.address, data.addressFlags),
                       parseBirth(*get(oid::SanBirth), data)}) {
        if (!check) {
            return core::fail(check.error());
        }
    }
    return data;
}

} // namespace

core::Result<JpkiCertificate> JpkiCertificate::parse(const QByteArray& derOrPem)
{
    auto cert = ossl::certFromDerOrPem(derOrPem);
    if (!cert) {
        return core::fail(cert.error());
    }
    X509* x = cert->get();
    JpkiCertificate out;
    out.m_der = ossl::toDer(x);
    out.m_identity = CardIdentity{ossl::authorityKeyId(x), ossl::serialBytes(x)};
    if (out.m_identity.issuerKeyId.isEmpty()) {
        return core::fail(invalid(QStringLiteral("no authorityKeyIdentifier keyIdentifier: no card identity")));
    }
    if (out.m_identity.serial.isEmpty() || ASN1_STRING_type(X509_get0_serialNumber(x)) == V_ASN1_NEG_INTEGER) {
        return core::fail(invalid(QStringLiteral("serial number is not a positive integer"))); // RFC 5280 §4.1.2.2
    }
    out.m_notBefore = ossl::fromAsn1Time(X509_get0_notBefore(x));
    out.m_notAfter = ossl::fromAsn1Time(X509_get0_notAfter(x));
    out.m_subject = ossl::nameToString(X509_get_subject_name(x));
    out.m_issuer = ossl::nameToString(X509_get_issuer_name(x));
    auto policy = policyOf(x);
    if (!policy) {
        return core::fail(policy.error());
    }
    out.m_kind = policy->kind;
    out.m_policyOid = policy->oid;
    out.m_testEnvironment = policy->testEnvironment;
    auto names = jpkiOtherNames(x);
    if (!names) {
        return core::fail(names.error());
    }
    if (out.m_kind == JpkiCertificateKind::Auth) {
        if (!names->empty()) { // the auth cert carries no personal data (jpki-card.md §5)
            return core::fail(invalid(QStringLiteral("auth certificate carries personal-data otherNames")));
        }
        return out;
    }
    auto personal = personalFrom(*names);
    if (!personal) {
        return core::fail(personal.error());
    }
    out.m_personal = std::move(*personal);
    return out;
}

} // namespace madoguchi::pki
