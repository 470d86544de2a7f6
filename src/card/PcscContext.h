#pragma once

#include "core/Result.h"

#include <QtGlobal>

#include <memory>

namespace madoguchi::card {

// RAII for an SCARDCONTEXT (SCardEstablishContext / SCardReleaseContext). Shared by the backend and
// the connections made through it, so a connection never outlives its context. The handle is kept as
// an integer so this header needs no PC/SC include.
class PcscContext final
{
public:
    [[nodiscard]] static core::Result<std::shared_ptr<PcscContext>> establish();
    ~PcscContext();
    PcscContext(const PcscContext&) = delete;
    PcscContext& operator=(const PcscContext&) = delete;

    [[nodiscard]] quintptr handle() const { return m_handle; }
    [[nodiscard]] bool isValid() const; // SCardIsValidContext
    // Thread-safe: makes a blocking SCardGetStatusChange on this context return SCARD_E_CANCELLED.
    void cancel() const;

private:
    explicit PcscContext(quintptr handle) : m_handle(handle) {}

    quintptr m_handle;
};

} // namespace madoguchi::card
