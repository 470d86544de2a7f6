#pragma once

#include "core/Result.h"
#include "pki/DemoResident.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <vector>

namespace madoguchi::pki {

// One J-LIS old↔new certificate link (証明書新旧紐付け, jpki-card.md §6): the "renewed" resident's
// superseded auth cert (reason 4) and its successor.
struct DemoSuccession
{
    QString residentId;
    QByteArray issuerKeyId; // both certs share the issuer
    QByteArray oldSerial;
    QByteArray newSerial;
    QByteArray oldAuthCertDer;
};

struct DemoSetOptions
{
    quint64 seed = 20151001;
    QDateTime now; // invalid: DemoSet::defaultNow(), so that the default set is always the same bytes
};

// The demo residents and the test PKI that issued their cards: what the card simulator, the training
// reader, the tests and the trainers all share. Generated once (makeDemoSet), then saved and loaded.
struct DemoSet
{
    quint64 seed = 0;
    QDateTime now;

    QByteArray authCaCertDer;
    QByteArray signCaCertDer;
    QByteArray authCaKeyPkcs8Der;
    QByteArray signCaKeyPkcs8Der;
    QByteArray authCrlDer;
    QByteArray signCrlDer;
    QByteArray authOcspSignerCertDer;
    QByteArray authOcspSignerKeyPkcs8Der;
    QByteArray signOcspSignerCertDer;
    QByteArray signOcspSignerKeyPkcs8Der;

    std::vector<DemoResident> residents;
    std::vector<DemoSuccession> successions;

    [[nodiscard]] static QDateTime defaultNow(); // 2025-04-01T00:00:00Z

    // nullptr when there is no such resident.
    [[nodiscard]] const DemoResident* resident(const QString& id) const;

    // Writes DER files, a JSON manifest and, under ocsp/{auth,sign}/, what `openssl ocsp -index
    // index.txt -CA ca.pem -rsigner signer.pem -rkey signer-key.pem` needs to serve the set.
    [[nodiscard]] core::Result<void> saveTo(const QString& directory) const;
    // Reads what saveTo wrote (milliseconds: no key generation, no certificate parsing).
    [[nodiscard]] static core::Result<DemoSet> loadFrom(const QString& directory);
};

// Residents: valid, moved, lost, renewed, expired, face-auth, long-address, one-try, under15.
[[nodiscard]] core::Result<DemoSet> makeDemoSet(const DemoSetOptions& options = {});

} // namespace madoguchi::pki
