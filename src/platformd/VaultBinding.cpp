#include "platformd/VaultBinding.h"

#include "core/PaymentCardNumber.h"
#include "platformd/LinkageBatch.h"
#include "platformd/PgConnection.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace madoguchi::platformd {

QString VaultBinding::keyOf(const LinkageItem& item)
{
    return item.linkage.value(QStringLiteral("cardId")).toString() + QLatin1Char('|') +
           item.linkage.value(QStringLiteral("linkageId")).toString();
}

ApiResult<void> VaultBinding::load(const std::vector<LinkageItem>& items)
{
    QJsonArray wanted;
    for (const LinkageItem& item : items) {
        if (!item.sealedNumber.isEmpty()) {
            wanted.append(QJsonObject{{QStringLiteral("c"), item.linkage.value(QStringLiteral("cardId"))},
                                      {QStringLiteral("l"), item.linkage.value(QStringLiteral("linkageId"))}});
        }
    }
    if (wanted.isEmpty()) {
        return {}; // the common batch: no credit card with a number, no statement
    }
    auto rows = m_db.exec("SELECT b.card_id, b.linkage_id::text, b.vault_token FROM linkage_vault b JOIN "
                          "jsonb_array_elements($1::jsonb) x ON b.card_id = x->>'c' AND b.linkage_id = (x->>'l')::uuid",
                          {QJsonDocument(wanted).toJson(QJsonDocument::Compact)});
    if (!rows) {
        return tl::unexpected(fromCoreError(rows.error()));
    }
    for (int r = 0; r < rows->rows(); ++r) {
        m_bound.insert(rows->text(r, 0) + QLatin1Char('|') + rows->text(r, 1), rows->text(r, 2));
    }
    return {};
}

ApiResult<VaultBinding::Prepared> VaultBinding::prepare(const LinkageItem& item) const
{
    Prepared prepared;
    if (item.sealedNumber.isEmpty()) {
        return prepared;
    }
    prepared.boundToken = m_bound.value(keyOf(item));
    if (!prepared.boundToken.isEmpty()) {
        return prepared;
    }
    auto pan = m_vault.open(item.sealedNumber);
    if (!pan) {
        return tl::unexpected(pan.error());
    }
    // The counter derived last4 from the same number it sealed: a difference means the number and
    // the linkage do not belong together, and the vault must not bind them.
    const QString last4 =
        item.linkage.value(QStringLiteral("fields")).toObject().value(QStringLiteral("last4")).toString();
    if (core::PaymentCardNumber::lastFour(*pan) != last4) {
        return apiFail(422, QStringLiteral("sealed_number_mismatch"),
                       QStringLiteral("the sealed number does not end in fields.last4"));
    }
    prepared.pan = std::move(*pan);
    return prepared;
}

ApiResult<QString> VaultBinding::bind(const LinkageItem& item, Prepared& prepared)
{
    const QString key = keyOf(item);
    if (!prepared.boundToken.isEmpty() || m_bound.contains(key)) {
        return prepared.boundToken.isEmpty() ? m_bound.value(key) : prepared.boundToken;
    }
    if (!prepared.pan) {
        return apiFail(500, QStringLiteral("internal"), QStringLiteral("vault: item not prepared"));
    }
    auto entry = m_vault.store(m_db, *prepared.pan, m_terminal);
    prepared.pan.reset(); // wiped now, not at the end of the batch
    if (!entry) {
        return tl::unexpected(entry.error());
    }
    auto bound = m_db.exec("INSERT INTO linkage_vault(card_id, linkage_id, vault_token, terminal_id) "
                           "VALUES ($1, $2::uuid, $3, $4)",
                           {item.linkage.value(QStringLiteral("cardId")).toString().toUtf8(),
                            item.linkage.value(QStringLiteral("linkageId")).toString().toUtf8(), entry->token.toUtf8(),
                            m_terminal.toUtf8()});
    if (!bound) {
        return tl::unexpected(fromCoreError(bound.error()));
    }
    m_bound.insert(key, entry->token);
    return entry->token;
}

} // namespace madoguchi::platformd
