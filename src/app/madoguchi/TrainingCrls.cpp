#include "TrainingCrls.h"

#include "core/Logging.h"
#include "pki/DemoCrlRefresh.h"
#include "pki/DemoSet.h"
#include "pki/OpenSsl.h"
#include "services/CrlOverview.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace madoguchi::app {
namespace {

bool hasCurrentCrls(const services::CrlOverview& crls)
{
    const auto& loaded = crls.crls();
    return loaded.size() >= 2 && std::none_of(loaded.cbegin(), loaded.cend(), [](const auto& c) { return c.stale; });
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

void importOne(services::CrlOverview& crls, const QDir& dir, const QString& name, const QByteArray& crlDer,
               const QByteArray& caCertDer)
{
    auto ca = pki::ossl::certFromDer(caCertDer);
    const QString crlPath = dir.filePath(name + QStringLiteral(".crl"));
    const QString caPath = dir.filePath(name + QStringLiteral("-ca.pem"));
    if (!ca || !writeFile(crlPath, crlDer) || !writeFile(caPath, pki::ossl::certToPem(ca->get()))) {
        qCWarning(lcCore) << "training CRL" << name << "not written to" << dir.path();
        return;
    }
    if (auto imported = crls.import(crlPath, caPath); !imported) {
        qCWarning(lcCore) << "training CRL" << name << "not imported:" << imported.error().toString();
    }
}

} // namespace

void refreshTrainingCrls(const pki::DemoSet& set, services::CrlOverview& crls, const QString& workDirectory,
                         const QDateTime& now)
{
    if (hasCurrentCrls(crls)) {
        return;
    }
    auto reissued = pki::reissueDemoCrls(set, now);
    if (!reissued) {
        qCWarning(lcCore) << "training CRLs not re-issued:" << reissued.error().toString();
        return;
    }
    const QDir dir(workDirectory);
    QDir().mkpath(dir.path());
    importOne(crls, dir, QStringLiteral("demo-auth"), reissued->authCrlDer, set.authCaCertDer);
    importOne(crls, dir, QStringLiteral("demo-sign"), reissued->signCrlDer, set.signCaCertDer);
}

} // namespace madoguchi::app
