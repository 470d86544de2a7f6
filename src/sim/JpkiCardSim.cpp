#include "sim/JpkiCardSim.h"

#include "core/Logging.h"
#include "sim/SimCardImage.h"
#include "sim/SimCommand.h"

namespace madoguchi::sim {

namespace {

// Status words (ISO 7816-4 §5.6, and the ones jpki-card.md §4 lists for real cards).
constexpr quint16 SwOk = 0x9000;
constexpr quint16 SwWrongLength = 0x6700;
constexpr quint16 SwEndOfFile = 0x6282;        // fewer bytes than Ne before the end of the EF
constexpr quint16 SwIncompatibleFile = 0x6981; // READ on a PIN or key EF
constexpr quint16 SwSecurityNotSatisfied = 0x6982;
constexpr quint16 SwNoCurrentEf = 0x6986;
constexpr quint16 SwFileNotFound = 0x6A82;
constexpr quint16 SwWrongP1P2 = 0x6A86;
constexpr quint16 SwWrongOffset = 0x6B00;
constexpr quint16 SwInsNotSupported = 0x6D00;
constexpr quint16 SwClaNotSupported = 0x6E00;
constexpr quint16 SwTriesLeft = 0x63C0; // | tries

constexpr quint8 InsSelect = 0xA4;
constexpr quint8 InsReadBinary = 0xB0;
constexpr quint8 InsVerify = 0x20;
constexpr quint8 InsChangePin = 0x24;
constexpr quint8 InsSign = 0x2A;

// A contact-style ATR with T=0/T=1 and 8 historical bytes; JPKI cards are detected by SELECT, not by
// ATR (jpki-card.md §1), so the value only has to be well formed (ISO 7816-3 §8: TCK = XOR T0..Tk).
QByteArray makeAtr()
{
    QByteArray atr = QByteArray::fromHex("3B888001") + QByteArrayLiteral("MADOGUCH");
    char tck = 0;
    for (qsizetype i = 1; i < atr.size(); ++i) {
        tck = static_cast<char>(tck ^ atr[i]);
    }
    atr.append(tck);
    return atr;
}

bool claFits(quint8 cla, quint8 ins)
{
    // jpki-card.md §4: every command is CLA 00 except the proprietary signature, CLA 80.
    return ins == InsSign ? cla == 0x80 : cla == 0x00;
}

} // namespace

JpkiCardSim::JpkiCardSim(std::unique_ptr<SimCardImage> image, Options options)
    : m_image(std::move(image)), m_options(options)
{}

JpkiCardSim::~JpkiCardSim() = default;

core::Result<std::unique_ptr<JpkiCardSim>> JpkiCardSim::create(const pki::DemoResident& resident, Options options)
{
    if (options.blockedSw != 0x6983 && options.blockedSw != 0x6984 && options.blockedSw != 0x63C0) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("blocked status must be 6983, 6984 or 63C0"));
    }
    auto image = SimCardImage::fromResident(resident);
    if (!image) {
        return core::fail(image.error());
    }
    auto owned = std::make_unique<SimCardImage>(std::move(*image));
    return std::unique_ptr<JpkiCardSim>(new JpkiCardSim(std::move(owned), options));
}

QByteArray JpkiCardSim::atr() const
{
    static const QByteArray atr = makeAtr();
    return atr;
}

void JpkiCardSim::reset()
{
    const std::lock_guard lock(m_mutex);
    m_currentAp = -1;
    m_currentEf = 0;
    m_verifiedPins.clear();
}

QByteArray JpkiCardSim::process(QByteArrayView commandApdu)
{
    ++m_apduCount;
    QByteArray data;
    quint16 sw = SwWrongLength;
    const auto cmd = SimCommand::parse(commandApdu);
    if (cmd && (!cmd->extended || m_options.extendedLength)) {
        const std::lock_guard lock(m_mutex);
        sw = dispatch(*cmd, data);
    }
    // Header and status word only: bodies carry PINs (style.md "Errors and secrets").
    if (cmd) {
        qCDebug(lcSim, "%02X %02X %02X %02X -> %04X (%lld bytes)", cmd->cla, cmd->ins, cmd->p1, cmd->p2, sw,
                static_cast<long long>(data.size()));
    }
    data.append(static_cast<char>(sw >> 8));
    data.append(static_cast<char>(sw & 0xFF));
    return data;
}

quint16 JpkiCardSim::dispatch(const SimCommand& cmd, QByteArray& data)
{
    if (cmd.cla != 0x00 && cmd.cla != 0x80) {
        return SwClaNotSupported;
    }
    const bool known = cmd.ins == InsSelect || cmd.ins == InsReadBinary || cmd.ins == InsVerify ||
                       cmd.ins == InsChangePin || cmd.ins == InsSign;
    if (!known) {
        return SwInsNotSupported;
    }
    if (!claFits(cmd.cla, cmd.ins)) {
        return SwClaNotSupported;
    }
    switch (cmd.ins) {
    case InsSelect:
        return select(cmd);
    case InsReadBinary:
        return readBinary(cmd, data);
    case InsVerify:
        return verify(cmd);
    case InsChangePin:
        return changePin(cmd);
    default:
        return sign(cmd, data);
    }
}

SimEf* JpkiCardSim::currentEf()
{
    if (m_currentAp < 0 || m_currentEf == 0) {
        return nullptr;
    }
    auto& efs = m_image->applets()[static_cast<std::size_t>(m_currentAp)].efs;
    const auto it = efs.find(m_currentEf);
    return it == efs.end() ? nullptr : &it->second;
}

bool JpkiCardSim::isVerified(quint16 pinFid) const
{
    return m_verifiedPins.contains(pinFid);
}

quint16 JpkiCardSim::select(const SimCommand& cmd)
{
    // jpki-card.md §1/§2: P2 0C = no FCI. That is the only form the card is known to answer.
    if (cmd.p2 != 0x0C || cmd.data.isEmpty()) {
        return cmd.data.isEmpty() ? SwWrongLength : SwWrongP1P2;
    }
    if (cmd.p1 == 0x04) { // by DF name (AID)
        auto& applets = m_image->applets();
        for (std::size_t i = 0; i < applets.size(); ++i) {
            if (applets[i].aid == cmd.data) {
                if (m_currentAp != static_cast<int>(i)) {
                    m_verifiedPins.clear(); // verification is per application
                }
                m_currentAp = static_cast<int>(i);
                m_currentEf = 0;
                return SwOk;
            }
        }
        return SwFileNotFound;
    }
    if (cmd.p1 == 0x02) { // EF by file identifier under the current DF
        if (cmd.data.size() != 2) {
            return SwWrongLength;
        }
        const auto fid =
            static_cast<quint16>((static_cast<quint8>(cmd.data[0]) << 8) | static_cast<quint8>(cmd.data[1]));
        if (m_currentAp < 0 || !m_image->applets()[static_cast<std::size_t>(m_currentAp)].efs.contains(fid)) {
            return SwFileNotFound;
        }
        m_currentEf = fid;
        return SwOk;
    }
    return SwWrongP1P2;
}

quint16 JpkiCardSim::readBinary(const SimCommand& cmd, QByteArray& data)
{
    if (!cmd.ne || !cmd.data.isEmpty()) {
        return SwWrongLength;
    }
    if (cmd.p1 & 0x80) {
        return SwWrongP1P2; // short-EF-identifier addressing is not used by JPKI
    }
    SimEf* ef = currentEf();
    if (!ef) {
        return SwNoCurrentEf;
    }
    if (ef->kind != SimEf::Kind::Binary) {
        return SwIncompatibleFile;
    }
    if (ef->accessPin != 0 && !isVerified(ef->accessPin)) {
        return SwSecurityNotSatisfied; // jpki-card.md §2: EF 0001 before VERIFY 001B
    }
    const qsizetype offset = (qsizetype(cmd.p1 & 0x7F) << 8) | cmd.p2; // 15-bit offset
    if (offset >= ef->content.size()) {
        return SwWrongOffset;
    }
    data = ef->content.mid(offset, *cmd.ne);
    return data.size() < *cmd.ne ? SwEndOfFile : SwOk;
}

quint16 JpkiCardSim::verify(const SimCommand& cmd)
{
    if (cmd.p1 != 0x00 || cmd.p2 != 0x80) {
        return SwWrongP1P2;
    }
    // jpki-card.md §4: the retry-counter query is case 1, exactly 4 bytes; any Le gives 67 00.
    if (cmd.ne) {
        return SwWrongLength;
    }
    SimEf* ef = currentEf();
    if (!ef || ef->kind != SimEf::Kind::Pin) {
        return SwNoCurrentEf;
    }
    SimPin& pin = *ef->pin;
    if (pin.triesLeft <= 0) {
        return m_options.blockedSw;
    }
    if (cmd.data.isEmpty()) {
        return isVerified(m_currentEf) ? SwOk : static_cast<quint16>(SwTriesLeft | std::min(pin.triesLeft, 15));
    }
    if (pin.value.equals(core::SecureBytes(cmd.data))) {
        pin.triesLeft = pin.maxTries;
        m_verifiedPins.insert(m_currentEf);
        return SwOk;
    }
    --pin.triesLeft;
    m_verifiedPins.erase(m_currentEf);
    return static_cast<quint16>(SwTriesLeft | std::min(pin.triesLeft, 15)); // 63 C0 on the last try
}

quint16 JpkiCardSim::changePin(const SimCommand& cmd)
{
    // jpki-card.md §4 [U]: P1 01 = new reference data only, allowed after a successful VERIFY.
    if (cmd.p1 != 0x01 || cmd.p2 != 0x80) {
        return SwWrongP1P2;
    }
    if (cmd.data.isEmpty() || cmd.ne) {
        return SwWrongLength;
    }
    SimEf* ef = currentEf();
    if (!ef || ef->kind != SimEf::Kind::Pin) {
        return SwNoCurrentEf;
    }
    if (ef->pin->triesLeft <= 0) {
        return m_options.blockedSw;
    }
    if (!isVerified(m_currentEf)) {
        return SwSecurityNotSatisfied;
    }
    ef->pin->value = core::SecureBytes(cmd.data);
    ef->pin->triesLeft = ef->pin->maxTries;
    return SwOk;
}

quint16 JpkiCardSim::sign(const SimCommand& cmd, QByteArray& data)
{
    if (cmd.p1 != 0x00 || cmd.p2 != 0x80) {
        return SwWrongP1P2;
    }
    SimEf* ef = currentEf();
    if (!ef || ef->kind != SimEf::Kind::Key) {
        return SwNoCurrentEf;
    }
    // jpki-card.md §4: 69 82 without VERIFY; a face-auth card has no PIN and so never signs.
    if (!ef->key || !isVerified(ef->accessPin)) {
        return SwSecurityNotSatisfied;
    }
    if (cmd.data.isEmpty() || !cmd.ne || cmd.data.size() > ef->key->size() - 11) {
        return SwWrongLength;
    }
    auto signature = ef->key->sign(cmd.data);
    if (!signature) {
        return SwWrongLength;
    }
    data = std::move(*signature);
    return SwOk;
}

} // namespace madoguchi::sim
