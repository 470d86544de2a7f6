#pragma once

#include "core/Result.h"
#include "pki/JpkiPersonalData.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>

#include <memory>
#include <optional>
#include <vector>

namespace madoguchi::pki {

enum class Hierarchy
{
    Auth, // 利用者証明用 (user authentication)
    Sign, // 署名用 (digital signature)
};

struct TestPkiOptions
{
    std::optional<quint64> seed;          // set: byte-identical output for the same seed and clock
    QDateTime now;                        // the "current" time everything is dated around (required)
    int generation = 1;                   // a new generation: same DNs, new keys (like J-LIS's 2015/2019/2023)
    std::optional<QDateTime> caNotBefore; // default now − 8 years
    std::optional<QDateTime> caNotAfter;  // default now + 12 years
};

// A certificate with its private key. Keys are unencrypted PKCS#8: *test* keys of a *test* PKI,
// published with it, so not core::SecureBytes.
struct IssuedCertificate
{
    QByteArray certDer;
    QByteArray keyPkcs8Der;
    QByteArray serial; // big-endian, 16 bytes, positive
};

struct SignCertProfile
{
    QString prefecture; // subject L #1
    QString city;       // subject L #2
    QString officeCode; // 6 digits: the issuing municipality (part of the subject CN)
    int sequence = 1;   // part of the subject CN
    JpkiPersonalData personal;
    QDateTime notBefore; // also the request time in the CN
    QDateTime notAfter;
};

struct TestRevocation
{
    QByteArray serial;
    QDateTime revokedAt;
    int reason = -1; // RFC 5280 CRLReason; -1 none
};

// A JPKI-profile test PKI (jpki-card.md §5): two self-signed RSA-2048 CAs whose DNs are J-LIS's
// plus `O=JPKI TEST` and `OU=TEST`, end-entity certificates with the real profile, CRLs and OCSP
// signers. Every key and serial is drawn from a labelled stream, so a seeded PKI is reproducible.
class TestPki final
{
public:
    [[nodiscard]] static core::Result<TestPki> create(const TestPkiOptions& options);
    TestPki(TestPki&&) noexcept;
    TestPki& operator=(TestPki&&) noexcept;
    ~TestPki();

    [[nodiscard]] QByteArray caCertDer(Hierarchy hierarchy) const;
    [[nodiscard]] QByteArray caKeyPkcs8Der(Hierarchy hierarchy) const;

    // Auth cert: subject `C=JP, CN=<opaque id>`, policy …8.5.1.3.30, no personal data.
    [[nodiscard]] core::Result<IssuedCertificate> issueAuthCert(QByteArrayView label, const QDateTime& notBefore,
                                                                const QDateTime& notAfter);
    // Signing cert: subject `C=JP, L=<pref>, L=<city>, CN=<time+seq+office>`, policy …8.5.1.1.20,
    // SAN otherNames …8.5.5.1–.6.
    [[nodiscard]] core::Result<IssuedCertificate> issueSignCert(QByteArrayView label, const SignCertProfile& profile);
    // id-kp-OCSPSigning + id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2, §4.2.2.2.1).
    [[nodiscard]] core::Result<IssuedCertificate> issueOcspSigner(Hierarchy hierarchy);
    [[nodiscard]] core::Result<QByteArray> makeCrl(Hierarchy hierarchy, const std::vector<TestRevocation>& entries,
                                                   const QDateTime& thisUpdate, const QDateTime& nextUpdate,
                                                   quint64 crlNumber) const;

    // JPKI validity: to the 5th birthday after the issue date, 23:59:59 JST (jpki-card.md §5).
    [[nodiscard]] static QDateTime fifthBirthdayAfter(QDate birthDate, const QDateTime& issuedAt);

private:
    struct Impl;
    explicit TestPki(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace madoguchi::pki
