// libFuzzer target for the CRL walker (issue 3 item 10): any bytes must give either a clean error with an
// offset inside the input or a CRL whose every entry lies inside the input and is found again by the index.
#include "pki/CrlIndex.h"
#include "pki/CrlParser.h"

#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

using namespace madoguchi::pki;

namespace {

class CheckingSink final : public CrlParser::EntrySink
{
public:
    CheckingSink(const uchar* data, qint64 size) : m_data(data), m_size(size) {}

    void begin(qint64 listLength) override { m_index = CrlIndex::create(listLength / 45 + 1, 0x5eed); }

    bool add(const CrlRawEntry& entry) override
    {
        if (entry.serialLength < 1 || entry.serialLength > 20 || entry.serialOffset < 0 ||
            entry.serialOffset + entry.serialLength > m_size) {
            std::abort();
        }
        if (m_index.stage(m_index.hash(m_data + entry.serialOffset, entry.serialLength), entry)) {
            m_entries.push_back(entry);
        }
        return true;
    }

    void verify()
    {
        (void)m_index.finishStaged(m_data);
        std::map<std::string, const CrlRawEntry*> first; // serial → its first entry in file order
        for (const CrlRawEntry& entry : m_entries) {
            first.emplace(
                std::string(reinterpret_cast<const char*>(m_data + entry.serialOffset), size_t(entry.serialLength)),
                &entry);
        }
        if (qint64(first.size()) != m_index.size()) {
            std::abort(); // duplicates dropped, nothing else
        }
        for (const auto& [serial, entry] : first) {
            const auto found = m_index.find(m_data, m_data + entry->serialOffset, entry->serialLength);
            // every walked serial is found again, with the reason and date of its first entry
            if (!found || found->reason != entry->reason || found->revocationDate != entry->revocationDate) {
                std::abort();
            }
        }
    }

private:
    const uchar* m_data;
    qint64 m_size;
    CrlIndex m_index;
    std::vector<CrlRawEntry> m_entries;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto* bytes = reinterpret_cast<const uchar*>(data);
    CheckingSink sink(bytes, qint64(size));
    auto info = CrlParser::parse(bytes, qint64(size), &sink);
    if (info) {
        if (info->tbsOffset + info->tbsLength > qint64(size) ||
            info->signatureOffset + info->signatureLength > qint64(size)) {
            std::abort();
        }
        sink.verify();
    } else if (info.error().code == madoguchi::core::Errc::MalformedDer &&
               (info.error().nativeCode < 0 || info.error().nativeCode > qint64(size))) {
        std::abort(); // the reported offset must point into the input
    }
    qint64 seconds = 0;
    if (size >= 13) {
        (void)CrlParser::parseTime(data[0] & 1 ? 0x17 : 0x18, bytes, size >= 15 && (data[0] & 1) == 0 ? 15 : 13,
                                   seconds);
    }
    return 0;
}
