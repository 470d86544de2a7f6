#pragma once

#include "core/Result.h"
#include "pki/DemoResident.h"

#include <QByteArray>
#include <QByteArrayView>

#include <atomic>
#include <memory>
#include <mutex>
#include <set>

namespace madoguchi::sim {

class SimCardImage;
struct SimCommand;
struct SimEf;

// A My Number Card's JPKI, Text and Visual APs as jpki-card.md describes them, answering raw C-APDUs
// with raw R-APDUs. Thread-safe (one mutex): the vpcd thread and a control thread may share it.
// Never logs command bodies: they carry PINs.
class JpkiCardSim final
{
public:
    struct Options
    {
        // Off emulates a reader without extended length: every extended APDU gets 67 00.
        bool extendedLength = true;
        // What VERIFY answers on a blocked PIN: 0x6983, 0x6984 or 0x63C0 (jpki-card.md §4 [U]).
        quint16 blockedSw = 0x6983;
    };

    [[nodiscard]] static core::Result<std::unique_ptr<JpkiCardSim>> create(const pki::DemoResident& resident,
                                                                           Options options);
    [[nodiscard]] static core::Result<std::unique_ptr<JpkiCardSim>> create(const pki::DemoResident& resident)
    {
        return create(resident, Options{});
    }
    ~JpkiCardSim();
    Q_DISABLE_COPY_MOVE(JpkiCardSim)

    // One C-APDU in, one R-APDU (data + SW1 SW2) out.
    [[nodiscard]] QByteArray process(QByteArrayView commandApdu);
    // Warm reset / power cycle: nothing selected, every verification forgotten. Retry counters persist.
    void reset();
    [[nodiscard]] QByteArray atr() const;
    // C-APDUs received since creation (for benchmarks).
    [[nodiscard]] quint64 apduCount() const { return m_apduCount.load(); }
    [[nodiscard]] const Options& options() const { return m_options; }

private:
    JpkiCardSim(std::unique_ptr<SimCardImage> image, Options options);

    [[nodiscard]] quint16 dispatch(const SimCommand& cmd, QByteArray& data);
    [[nodiscard]] quint16 select(const SimCommand& cmd);
    [[nodiscard]] quint16 readBinary(const SimCommand& cmd, QByteArray& data);
    [[nodiscard]] quint16 verify(const SimCommand& cmd);
    [[nodiscard]] quint16 changePin(const SimCommand& cmd);
    [[nodiscard]] quint16 sign(const SimCommand& cmd, QByteArray& data);
    [[nodiscard]] SimEf* currentEf();
    [[nodiscard]] bool isVerified(quint16 pinFid) const;

    const std::unique_ptr<SimCardImage> m_image;
    const Options m_options;
    mutable std::mutex m_mutex;
    std::atomic<quint64> m_apduCount{0};
    int m_currentAp = -1;             // index into the image's applets, -1 = none (MF)
    quint16 m_currentEf = 0;          // 0 = none
    std::set<quint16> m_verifiedPins; // PIN EFs verified since the AP was selected or the card reset
};

} // namespace madoguchi::sim
