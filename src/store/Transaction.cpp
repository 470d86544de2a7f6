#include "store/Transaction.h"

#include "store/Database.h"

#include <utility>

namespace madoguchi::store {

core::Result<Transaction> Transaction::begin(Database& db)
{
    if (auto begun = db.exec("BEGIN IMMEDIATE"); !begun) {
        return core::fail(begun.error());
    }
    return Transaction(&db);
}

Transaction::~Transaction()
{
    rollback();
}

Transaction::Transaction(Transaction&& other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

core::Result<void> Transaction::commit()
{
    if (m_db == nullptr) {
        return core::fail(core::Errc::Internal, QStringLiteral("transaction already finished"));
    }
    auto committed = m_db->exec("COMMIT");
    if (!committed) {
        rollback();
        return committed;
    }
    m_db = nullptr;
    return {};
}

void Transaction::rollback()
{
    if (m_db != nullptr) {
        (void)m_db->exec("ROLLBACK");
        m_db = nullptr;
    }
}

} // namespace madoguchi::store
