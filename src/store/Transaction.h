#pragma once

#include "core/Result.h"

namespace madoguchi::store {

class Database;

// BEGIN IMMEDIATE … COMMIT, rolled back on destruction unless commit() succeeded (RAII). IMMEDIATE
// takes the write lock up front so a second writer fails at begin, not half-way through.
class Transaction final
{
public:
    [[nodiscard]] static core::Result<Transaction> begin(Database& db);
    ~Transaction();
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    [[nodiscard]] core::Result<void> commit();
    void rollback();

private:
    explicit Transaction(Database* db) noexcept : m_db(db) {}
    Database* m_db = nullptr; // null once committed or rolled back
};

} // namespace madoguchi::store
