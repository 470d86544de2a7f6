#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "pki/Crl.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace madoguchi::pki {

class CrlIssuer;

// A directory of imported CRLs: <id>.crl (a copy of the verified file), <id>.crlidx (its index) and
// <id>.issuer.pem (the CA it was verified against), where <id> is Crl::contentId() in hex. A restart
// reopens each CRL from its index without re-parsing; an index that fails its checks is rejected and
// rebuilt from the cached CRL, whose signature is then checked again.
class CrlCache final
{
public:
    explicit CrlCache(QString directory);

    [[nodiscard]] const QString& directory() const { return m_dir; }
    [[nodiscard]] QString crlPath(const QString& id) const;
    [[nodiscard]] QString indexPath(const QString& id) const;
    [[nodiscard]] QString issuerPath(const QString& id) const;

    // Copies `path` into the cache, verifies the copy against `issuer` and persists its index.
    [[nodiscard]] core::Result<Crl> import(const QString& path, const CrlIssuer& issuer, const core::Clock& clock);
    // The ids of every cached CRL.
    [[nodiscard]] QStringList ids() const;
    // Reopens one cached CRL; `rebuilt` tells whether its index had to be rebuilt.
    [[nodiscard]] core::Result<Crl> open(const QString& id, const core::Clock& clock, bool* rebuilt = nullptr) const;

private:
    QString m_dir;
};

} // namespace madoguchi::pki
