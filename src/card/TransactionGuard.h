#pragma once

#include "card/CardConnection.h"
#include "core/Error.h"

#include <optional>

namespace madoguchi::card {

// RAII around CardConnection::beginTransaction()/endTransaction(): one PC/SC transaction across
// SELECT → VERIFY → SIGN (jpki-card.md §1). Nested guards on the same connection are counted by
// the owner (JpkiCard) and only the outermost talks to the connection.
class TransactionGuard final
{
public:
    TransactionGuard() = default;
    // Begins a transaction; check error() — on failure the guard owns nothing.
    TransactionGuard(CardConnection& connection, int* depth);
    ~TransactionGuard();

    TransactionGuard(TransactionGuard&& other) noexcept;
    TransactionGuard& operator=(TransactionGuard&& other) noexcept;
    TransactionGuard(const TransactionGuard&) = delete;
    TransactionGuard& operator=(const TransactionGuard&) = delete;

    [[nodiscard]] bool isActive() const { return m_connection != nullptr; }
    [[nodiscard]] const std::optional<core::Error>& error() const { return m_error; }
    // Ends early; the destructor then does nothing.
    void release();

private:
    CardConnection* m_connection = nullptr;
    int* m_depth = nullptr;
    std::optional<core::Error> m_error;
};

} // namespace madoguchi::card
