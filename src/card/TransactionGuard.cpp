#include "card/TransactionGuard.h"

#include "core/Logging.h"

#include <utility>

namespace madoguchi::card {

TransactionGuard::TransactionGuard(CardConnection& connection, int* depth)
{
    if (*depth == 0) {
        if (auto begun = connection.beginTransaction(); !begun) {
            m_error = begun.error();
            return;
        }
    }
    ++*depth;
    m_connection = &connection;
    m_depth = depth;
}

TransactionGuard::~TransactionGuard()
{
    release();
}

TransactionGuard::TransactionGuard(TransactionGuard&& other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr)), m_depth(std::exchange(other.m_depth, nullptr)),
      m_error(std::move(other.m_error))
{}

TransactionGuard& TransactionGuard::operator=(TransactionGuard&& other) noexcept
{
    if (this != &other) {
        release();
        m_connection = std::exchange(other.m_connection, nullptr);
        m_depth = std::exchange(other.m_depth, nullptr);
        m_error = std::move(other.m_error);
    }
    return *this;
}

void TransactionGuard::release()
{
    if (!m_connection) {
        return;
    }
    if (--*m_depth == 0) {
        // A card pulled mid-operation makes this fail too; nothing more to do then.
        if (auto ended = m_connection->endTransaction(); !ended) {
            qCInfo(lcCard).noquote() << "end transaction:" << ended.error().toString();
        }
    }
    m_connection = nullptr;
    m_depth = nullptr;
}

} // namespace madoguchi::card
