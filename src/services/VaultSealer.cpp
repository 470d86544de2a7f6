#include "services/VaultSealer.h"

#include "core/Logging.h"
#include "pki/DemoSet.h"
#include "pki/OpenSsl.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace madoguchi::services {
namespace {

core::Result<QByteArray> trainingKeyPem(const pki::DemoSet& set)
{
    // The demo set's signing-side OCSP signer key stands in for the platform's vault key: an RSA key that
    // exists already, so the training counter starts without generating one (first window ≤ 1 s).
    auto key = pki::ossl::privateKeyFromPkcs8Der(set.signOcspSignerKeyPkcs8Der);
    return key ? pki::ossl::publicKeyToPem(key->get()) : core::Result<QByteArray>(core::fail(key.error()));
}

core::Result<QByteArray> fileKeyPem(const QString& terminalCertificate)
{
    if (terminalCertificate.isEmpty()) {
        return core::fail(core::Errc::NotFound, QStringLiteral("no terminal certificate configured"));
    }
    QFile file(QFileInfo(terminalCertificate).dir().filePath(QStringLiteral("vault.pem")));
    if (!file.open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::NotFound, QStringLiteral("no %1").arg(file.fileName()));
    }
    return file.readAll();
}

} // namespace

std::optional<PanSealer> loadVaultSealer(const pki::DemoSet* training, const QString& terminalCertificate)
{
    auto pem = training != nullptr ? trainingKeyPem(*training) : fileKeyPem(terminalCertificate);
    auto sealer = pem ? PanSealer::fromPublicKeyPem(*pem) : core::Result<PanSealer>(core::fail(pem.error()));
    if (!sealer) {
        qCInfo(lcServices) << "credit cards cannot be enrolled here:" << sealer.error().toString();
        return std::nullopt;
    }
    return std::move(*sealer);
}

} // namespace madoguchi::services
