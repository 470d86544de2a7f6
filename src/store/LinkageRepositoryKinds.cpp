// LinkageRepository: the linkage kinds (kinds are data: 0001_initial.sql, integer ids since
// 0033_compact_linkages.sql).
#include "store/LinkageRepository.h"

#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace madoguchi::store {

void LinkageRepository::loadKinds()
{
    m_kindIds.clear();
    m_kindCodes.clear();
    auto stmt = m_db.prepare("SELECT id, code FROM linkage_kind");
    while (stmt && stmt->step().value_or(false)) {
        m_kindIds.insert(stmt->columnText(1), static_cast<int>(stmt->columnInt64(0)));
        m_kindCodes.insert(static_cast<int>(stmt->columnInt64(0)), stmt->columnText(1));
    }
}

int LinkageRepository::kindId(const QString& code)
{
    // Kinds are data (0001): a code added since the map was loaded is looked up once more.
    auto it = m_kindIds.constFind(code);
    if (it == m_kindIds.cend()) {
        loadKinds();
        it = m_kindIds.constFind(code);
    }
    return it == m_kindIds.cend() ? -1 : it.value();
}

QString LinkageRepository::kindCode(int id)
{
    auto it = m_kindCodes.constFind(id);
    if (it == m_kindCodes.cend()) {
        loadKinds();
        it = m_kindCodes.constFind(id);
    }
    return it == m_kindCodes.cend() ? QString() : it.value();
}

core::Result<QHash<QString, QStringList>> LinkageRepository::kindFields()
{
    auto stmt = m_db.prepare("SELECT code, fields FROM linkage_kind");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    QHash<QString, QStringList> kinds;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return core::fail(row.error());
        }
        if (!*row) {
            return kinds;
        }
        QStringList names;
        for (const auto& name : QJsonDocument::fromJson(stmt->columnBlob(1)).array()) {
            names << name.toString();
        }
        kinds.insert(stmt->columnText(0), names);
    }
}

} // namespace madoguchi::store
