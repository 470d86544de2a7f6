// libFuzzer target for the JPKI certificate model (issue 3 item 10): certificates come from cards and
// files, so any bytes must give a clean error or a certificate whose identity is complete.
#include "pki/JpkiCertificate.h"

#include <cstdint>
#include <cstdlib>

using madoguchi::pki::JpkiCertificate;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    if (auto certificate = JpkiCertificate::parse(bytes)) {
        if (certificate->identity().isNull()) {
            std::abort(); // a parsed certificate always identifies its card
        }
        if (const auto& personal = certificate->personalData()) {
            (void)personal->name.size();
        }
    }
    return 0;
}
