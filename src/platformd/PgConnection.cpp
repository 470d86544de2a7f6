#include "platformd/PgConnection.h"

#include <libpq-fe.h>

#include <vector>

namespace madoguchi::platformd {

PgResult::PgResult(pg_result* result) : m_result(result) {}

PgResult::PgResult(PgResult&& other) noexcept : m_result(std::exchange(other.m_result, nullptr)) {}

PgResult& PgResult::operator=(PgResult&& other) noexcept
{
    std::swap(m_result, other.m_result);
    return *this;
}

PgResult::~PgResult()
{
    if (m_result != nullptr) {
        PQclear(m_result);
    }
}

int PgResult::rows() const
{
    return PQntuples(m_result);
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}

QByteArray PgResult::value(int row, int column) const
{
    return QByteArray(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

core::Result<std::unique_ptr<PgConnection>> PgConnection::open(const QString& conninfo)
{
    PGconn* connection = PQconnectdb(conninfo.toUtf8().constData());
    if (PQstatus(connection) != CONNECTION_OK) {
        const QString detail = QString::fromUtf8(PQerrorMessage(connection)).trimmed();
        PQfinish(connection);
        return core::fail(core::Errc::NetworkFailure, QStringLiteral("postgres: %1").arg(detail));
    }
    return std::unique_ptr<PgConnection>(new PgConnection(connection));
}

PgConnection::~PgConnection()
{
    PQfinish(m_connection);
}

bool PgConnection::isBroken() const
{
    return PQstatus(m_connection) != CONNECTION_OK;
}

bool PgConnection::checkAlive()
{
    return PQconsumeInput(m_connection) == 1 && PQstatus(m_connection) == CONNECTION_OK;
}

core::Error PgConnection::errorFor(pg_result* result) const
{
    if (isBroken()) {
        return core::Error{core::Errc::NetworkFailure, QStringLiteral("postgres connection lost"), 0};
    }
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    // Class 08 and 57P (backend terminated, server shutting down): the database went away.
    if (state != nullptr && (qstrncmp(state, "08", 2) == 0 || qstrncmp(state, "57P", 3) == 0)) {
        return core::Error{core::Errc::NetworkFailure, QStringLiteral("postgres connection lost"), 0};
    }
    const QString message = QString::fromUtf8(PQerrorMessage(m_connection)).trimmed();
    return core::Error{core::Errc::StoreFailure,
                       QStringLiteral("%1 %2").arg(QString::fromLatin1(state != nullptr ? state : "?????"), message),
                       0};
}

core::Result<PgResult> PgConnection::exec(const char* sql, const QList<PgParam>& params)
{
    std::vector<const char*> values;
    std::vector<int> lengths;
    values.reserve(static_cast<std::size_t>(params.size()));
    for (const auto& param : params) {
        values.push_back(param ? param->constData() : nullptr);
        lengths.push_back(param ? static_cast<int>(param->size()) : 0);
    }
    constexpr qsizetype MaxPrepared = 256; // beyond that (ad-hoc SQL): unnamed statements
    const QByteArray text(sql);
    auto name = m_prepared.constFind(text);
    if (name == m_prepared.cend() && m_prepared.size() < MaxPrepared) {
        const QByteArray newName = "s" + QByteArray::number(m_prepared.size());
        const PgResult prepared(
            PQprepare(m_connection, newName.constData(), sql, static_cast<int>(params.size()), nullptr));
        if (PQresultStatus(prepared.raw()) != PGRES_COMMAND_OK) {
            return core::fail(errorFor(prepared.raw()));
        }
        name = m_prepared.insert(text, newName);
    }
    // Text parameters, text results.
    PGresult* raw = name != m_prepared.cend()
                        ? PQexecPrepared(m_connection, name->constData(), static_cast<int>(params.size()),
                                         values.data(), lengths.data(), nullptr, 0)
                        : PQexecParams(m_connection, sql, static_cast<int>(params.size()), nullptr, values.data(),
                                       lengths.data(), nullptr, 0);
    PgResult result(raw);
    const ExecStatusType status = raw != nullptr ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        return core::fail(errorFor(raw));
    }
    return result;
}

core::Result<void> PgConnection::execScript(const QByteArray& sql)
{
    PGresult* raw = PQexec(m_connection, sql.constData());
    const PgResult owner(raw);
    const ExecStatusType status = raw != nullptr ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        return core::fail(errorFor(raw));
    }
    return {};
}

} // namespace madoguchi::platformd
