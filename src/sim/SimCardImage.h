#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"
#include "pki/DemoResident.h"
#include "sim/SimRsaKey.h"

#include <QByteArray>

#include <array>
#include <map>
#include <memory>
#include <optional>

namespace madoguchi::sim {

// The applications of a JPKI card (jpki-card.md §1), in the order of SimCardImage::applets.
enum class SimAp
{
    Jpki,
    Text,
    Visual,
};

struct SimPin
{
    core::SecureBytes value;
    int triesLeft = 3;
    int maxTries = 3;
};

// One elementary file. Binary EFs hold their content already padded to the EF size; PIN EFs hold a
// counter; key EFs refer to a key and the PIN EF that unlocks it.
struct SimEf
{
    enum class Kind
    {
        Binary,
        Pin,
        Key,
    };
    Kind kind = Kind::Binary;
    QByteArray content;                   // Binary: padded file body
    quint16 accessPin = 0;                // Binary: PIN EF whose VERIFY allows READ (0 = free); Key: PIN EF for SIGN
    std::optional<SimPin> pin;            // Pin
    std::shared_ptr<const SimRsaKey> key; // Key (null: signing not allowed, e.g. face-auth card)
};

struct SimApplet
{
    QByteArray aid;
    std::map<quint16, SimEf> efs;
};

// The static contents of a simulated card, built from a demo resident: the three APs and their EFs.
class SimCardImage final
{
public:
    // EF sizes: the files are larger than the DER objects in them (jpki-card.md §4 "files are padded"),
    // so a reader that trusts trailing bytes sees garbage. The values are plausible, not measured.
    static constexpr int CertEfSize = 0x0800;     // EF 000A, 000B, 0002 of the JPKI AP
    static constexpr int SignCertEfSize = 0x0A00; // EF 0001: the signing cert carries the SAN
    static constexpr char CertPadding = '\xFF';
    static constexpr int TokenEfSize = 0x20; // EF 0006
    static constexpr char TokenPadding = ' ';
    static constexpr int MyNumberEfSize = 0x10; // Text AP EF 0001
    static constexpr int BasicFactsEfSize = 0x0400;
    static constexpr int TextDigestEfSize = 0x0200;
    static constexpr char TextPadding = '\x00';

    [[nodiscard]] static core::Result<SimCardImage> fromResident(const pki::DemoResident& resident);

    [[nodiscard]] std::array<SimApplet, 3>& applets() { return m_applets; }
    [[nodiscard]] SimApplet& applet(SimAp ap) { return m_applets[static_cast<std::size_t>(ap)]; }

private:
    std::array<SimApplet, 3> m_applets;
};

} // namespace madoguchi::sim
