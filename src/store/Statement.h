#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

struct sqlite3_stmt;

namespace madoguchi::store {

// A prepared statement, finalised on destruction (RAII, style.md). Parameters are 1-based as in
// SQLite; columns are 0-based. bind*() copy their argument (SQLITE_TRANSIENT), so temporaries are fine.
class Statement final
{
public:
    Statement() noexcept = default;
    explicit Statement(sqlite3_stmt* stmt) noexcept : m_stmt(stmt) {}
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    [[nodiscard]] bool isValid() const noexcept { return m_stmt != nullptr; }

    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    Statement& bind(int index, const QString& text);
    Statement& bindText(int index, QByteArrayView utf8);
    Statement& bindBlob(int index, QByteArrayView bytes);
    Statement& bindNull(int index);
    // Without a copy (SQLITE_STATIC): the bytes must stay valid and unchanged until the statement has
    // run and been reset. For bulk writes that keep their rows until then (store/LinkageBulkWriter.h).
    Statement& bindTextNoCopy(int index, QByteArrayView utf8);
    Statement& bindBlobNoCopy(int index, QByteArrayView bytes);
    // A null QString binds NULL.
    Statement& bindOptional(int index, const QString& text);

    // true: a row is available; false: done. Binding errors surface here.
    [[nodiscard]] core::Result<bool> step();
    // step() for statements without rows; then reset() so the statement can be reused.
    [[nodiscard]] core::Result<void> run();
    void reset();

    [[nodiscard]] qint64 columnInt64(int column) const;
    [[nodiscard]] QString columnText(int column) const;
    [[nodiscard]] QByteArray columnBlob(int column) const;
    // The column's bytes without a copy; valid until the next step(), reset() or column call on it.
    [[nodiscard]] QByteArrayView columnView(int column) const;
    [[nodiscard]] bool columnIsNull(int column) const;
    [[nodiscard]] int columnCount() const;
    [[nodiscard]] QString columnName(int column) const;
    // 1 integer, 2 float, 3 text, 4 blob, 5 null (SQLITE_INTEGER…SQLITE_NULL).
    [[nodiscard]] int columnType(int column) const;

private:
    int m_bindRc = 0; // first bind failure, reported by step()
    sqlite3_stmt* m_stmt = nullptr;
};

} // namespace madoguchi::store
