#pragma once

#include "core/Result.h"
#include "pki/DemoResident.h"

#include <QString>

namespace madoguchi::sim {

// A demo resident on disk, for `madoguchi-cardsim --profile-dir DIR`: DIR/resident.json (id, kind,
// PINs with their counters, basic facts, test individual number, file names) plus one DER file per
// certificate and key (PKCS#8, unencrypted: these are keys of *simulated* cards only). Files are
// written 0600.
class DemoResidentFiles final
{
public:
    static constexpr const char* ManifestName = "resident.json";

    [[nodiscard]] static core::Result<void> save(const pki::DemoResident& resident, const QString& dir);
    [[nodiscard]] static core::Result<pki::DemoResident> load(const QString& dir);

    [[nodiscard]] static QString kindName(pki::DemoCardKind kind);
    [[nodiscard]] static core::Result<pki::DemoCardKind> kindFromName(const QString& name);
};

} // namespace madoguchi::sim
