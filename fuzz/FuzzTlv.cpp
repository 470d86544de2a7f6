// libFuzzer target for the Text AP's BER-TLV parser (issue 3 item 10): any bytes give a clean error or a
// tree whose every node lies inside the input.
#include "card/Tlv.h"

#include <cstdint>
#include <cstdlib>

using madoguchi::card::Tlv;
using madoguchi::card::TlvNode;

namespace {

void checkInside(const QList<TlvNode>& nodes, qsizetype size, int depth)
{
    if (depth > Tlv::MaxDepth) {
        std::abort();
    }
    for (const auto& node : nodes) {
        if (node.offset < 0 || node.offset + node.value.size() > size) {
            std::abort();
        }
        checkInside(node.children, size, depth + 1);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    if (auto nodes = Tlv::parse(bytes)) {
        checkInside(*nodes, bytes.size(), 0);
    }
    return 0;
}
