#include "card/PcscContext.h"

#include "card/PcscApi.h"
#include "card/PcscError.h"
#include "core/Logging.h"

namespace madoguchi::card {

core::Result<std::shared_ptr<PcscContext>> PcscContext::establish()
{
    SCARDCONTEXT context = 0;
    const LONG rc = SCardEstablishContext(SCARD_SCOPE_USER, nullptr, nullptr, &context);
    if (rc != SCARD_S_SUCCESS) {
        return core::fail(PcscError::toError(rc, QStringLiteral("SCardEstablishContext")));
    }
    qCDebug(lcPcsc) << "context established";
    return std::shared_ptr<PcscContext>(new PcscContext(static_cast<quintptr>(context)));
}

PcscContext::~PcscContext()
{
    SCardReleaseContext(pcsc::toContext(m_handle));
}

bool PcscContext::isValid() const
{
    return SCardIsValidContext(pcsc::toContext(m_handle)) == SCARD_S_SUCCESS;
}

void PcscContext::cancel() const
{
    SCardCancel(pcsc::toContext(m_handle));
}

} // namespace madoguchi::card
