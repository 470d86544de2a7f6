#include "services/LinkageService.h"

#include "core/Logging.h"
#include "services/AccessPolicy.h"
#include "services/LinkageId.h"
#include "services/PanSealer.h"
#include "core/PaymentCardNumber.h"
#include "store/Database.h"
#include "store/LinkageBulkWriter.h"
#include "store/Transaction.h"

#include <QRandomGenerator>

namespace madoguchi::services {

using store::Linkage;

LinkageService::LinkageService(store::Database& db, const core::Clock& clock, QString terminalPrefix,
                               const PanSealer* panSealer, ChangeRecorder* recorder)
    : m_db(db), m_repo(db), m_clock(clock), m_terminalPrefix(std::move(terminalPrefix)), m_panSealer(panSealer),
      m_recorder(recorder)
{}

LinkageService::~LinkageService() = default;

QString LinkageService::randomLetters(int count) const
{
    // Letters only: an identifier we issue can never contain a 12-digit run (privacy scans).
    static constexpr char Alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    QString out;
    for (int i = 0; i < count; ++i) {
        out.append(QLatin1Char(Alphabet[QRandomGenerator::system()->bounded(24)]));
    }
    return out;
}

QString LinkageService::localPlatformId() const
{
    // Issued offline: the terminal prefix keeps it unique until the platform confirms or replaces it.
    return QStringLiteral("L%1-%2").arg(m_terminalPrefix, randomLetters(12));
}

core::Result<void> LinkageService::prepareKindFields(EnrolRequest& request, QList<FieldIssue>* issues) const
{
    if (request.kind == QStringLiteral("platform_id") &&
        request.fields.value(QStringLiteral("platform_id")).toString().isEmpty()) {
        request.fields.insert(QStringLiteral("platform_id"), localPlatformId());
    }
    if (request.kind != QStringLiteral("credit_card")) {
        return {};
    }
    if (!core::PaymentCardNumber::isValid(request.pan)) {
        issues->append({QStringLiteral("pan"), QStringLiteral("not a Luhn-valid card number")});
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("card number rejected"));
    }
    if (m_panSealer == nullptr) {
        return core::fail(core::Errc::Unsupported, QStringLiteral("no platform key configured to seal card numbers"));
    }
    request.fields.insert(QStringLiteral("brand"), core::PaymentCardNumber::brandOf(request.pan));
    request.fields.insert(QStringLiteral("last4"), core::PaymentCardNumber::lastFour(request.pan));
    if (request.fields.value(QStringLiteral("token")).toString().isEmpty()) {
        request.fields.insert(QStringLiteral("token"), QStringLiteral("LT") + randomLetters(22));
    }
    return {};
}

core::Result<qint64> LinkageService::resolveCard(const store::CardIdentity& card, bool create,
                                                 QList<FieldIssue>& issues)
{
    bool newCard = false;
    core::Result<std::optional<qint64>> id = std::optional<qint64>{};
    if (create) {
        auto ensured = m_repo.ensureCard(card, m_clock.now(), &newCard);
        id = ensured ? core::Result<std::optional<qint64>>(*ensured) : core::fail(ensured.error());
    } else {
        id = m_repo.findCard(card);
    }
    if (!id) {
        return core::fail(id.error());
    }
    if (!id->has_value()) {
        issues.append({QStringLiteral("card"), QStringLiteral("unknown card")});
        return core::fail(core::Errc::NotFound, QStringLiteral("unknown card"));
    }
    // A card created just now has no events yet.
    auto state = newCard ? core::Result<QString>(QString()) : m_repo.cardState(**id);
    if (!state) {
        return core::fail(state.error());
    }
    if (*state == QStringLiteral("revoked") || *state == QStringLiteral("migrated")) {
        issues.append({QStringLiteral("card"), QStringLiteral("card is %1").arg(*state)});
        return core::fail(core::Errc::Revoked, QStringLiteral("card is %1").arg(*state));
    }
    return **id;
}

core::Result<Linkage> LinkageService::prepareEnrolment(const Operator& op, EnrolRequest& request,
                                                       QList<FieldIssue>& found) const
{
    if (auto allowed = AccessPolicy::mayChangeKind(op, request.kind); !allowed) {
        return core::fail(allowed.error());
    }
    if (!request.card.isValid()) {
        found.append({QStringLiteral("card"), QStringLiteral("missing card identity")});
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("missing card identity"));
    }
    if (auto prepared = prepareKindFields(request, &found); !prepared) {
        return core::fail(prepared.error());
    }
    found.append(LinkageValidator::validate(request.kind, request.fields));
    if (!found.isEmpty()) {
        return core::fail(core::Errc::InvalidArgument,
                          found.first().field + QStringLiteral(": ") + found.first().reason);
    }
    Linkage l;
    l.kind = request.kind;
    l.fields = request.fields;
    l.searchKey = LinkageValidator::searchKey(l.kind, l.fields);
    l.card = request.card;
    l.assurance = request.assurance;
    l.validFrom = request.validFrom;
    l.validTo = request.validTo;
    return l;
}

core::Result<qint64> LinkageService::checkNewLinkage(const Linkage& l, bool createCard, QList<FieldIssue>& found)
{
    // Kinds are data (linkage_kind): a code not in the table is the caller's mistake, worded as such
    // rather than left to the foreign key at COMMIT (0033 defers it).
    if (m_repo.kindId(l.kind) < 0) {
        found.append({QStringLiteral("kind"), QStringLiteral("unknown linkage kind")});
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("unknown linkage kind: ") + l.kind);
    }
    auto cardId = resolveCard(l.card, createCard, found);
    if (!cardId) {
        return core::fail(cardId.error());
    }
    auto holders = m_repo.cardsHoldingKey(l.kind, l.searchKey);
    if (!holders) {
        return core::fail(holders.error());
    }
    if (m_bulk != nullptr) { // an import's rows not yet written count as well
        if (const auto queued = m_bulk->queuedHolder(m_repo.kindId(l.kind), l.searchKey)) {
            holders->append(*queued);
        }
    }
    if (!holders->isEmpty()) {
        found.append({QString(), holders->contains(*cardId) ? QStringLiteral("duplicate: already linked")
                                                            : QStringLiteral("conflict: linked to another card")});
        return core::fail(core::Errc::InvalidArgument, found.last().reason);
    }
    return cardId;
}

core::Result<Linkage> LinkageService::storeEnrolment(const Operator& op, Linkage l, core::SecureBytes* pan,
                                                     QList<FieldIssue>& found, bool createCard, bool recordEach)
{
    auto cardId = checkNewLinkage(l, createCard, found);
    if (!cardId) {
        return core::fail(cardId.error());
    }
    if (l.kind == QStringLiteral("credit_card")) {
        if (pan == nullptr) {
            return core::fail(core::Errc::InvalidArgument, QStringLiteral("card number rejected"));
        }
        auto sealed = m_panSealer->seal(*pan);
        if (!sealed) {
            return core::fail(sealed.error());
        }
        l.sealedPan = *sealed;
    }
    if (pan != nullptr) {
        pan->clear();
    }
    if (l.uuid.isNull()) {
        l.uuid = LinkageId::create();
    }
    l.cardId = *cardId;
    if (auto appended = appendVersion(op, l, QStringLiteral("enrol"), recordEach); !appended) {
        return core::fail(appended.error());
    }
    return l;
}

core::Result<void> LinkageService::storeImported(const Operator& op, Linkage& l, QByteArray fieldsJson,
                                                 QList<FieldIssue>& found, bool createCard)
{
    if (l.kind == QStringLiteral("credit_card")) { // a card number is never in a file (ImportRowSource)
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("card number rejected"));
    }
    auto cardId = checkNewLinkage(l, createCard, found);
    if (!cardId) {
        return core::fail(cardId.error());
    }
    if (l.uuid.isNull()) {
        l.uuid = LinkageId::create();
    }
    l.cardId = *cardId;
    l.createdBy = op.id;
    l.createdAt = m_clock.now();
    if (m_bulk == nullptr) {
        m_bulk = std::make_unique<store::LinkageBulkWriter>(m_db);
    }
    return m_bulk->add(l, m_repo.kindId(l.kind), std::move(fieldsJson));
}

core::Result<void> LinkageService::flushImported()
{
    return m_bulk != nullptr ? m_bulk->flush() : core::Result<void>();
}

void LinkageService::discardImported()
{
    if (m_bulk != nullptr) {
        m_bulk->discard();
    }
}

core::Result<Linkage> LinkageService::enrolInTransaction(const Operator& op, EnrolRequest& request,
                                                         QList<FieldIssue>* issues, bool createCard, bool recordEach)
{
    QList<FieldIssue> local;
    QList<FieldIssue>& found = issues != nullptr ? *issues : local;
    auto prepared = prepareEnrolment(op, request, found);
    if (!prepared) {
        return prepared;
    }
    return storeEnrolment(op, std::move(*prepared), &request.pan, found, createCard, recordEach);
}

core::Result<void> LinkageService::appendVersion(const Operator& op, Linkage& l, const QString& what, bool record)
{
    l.createdBy = op.id;
    l.createdAt = m_clock.now();
    if (auto inserted = m_repo.insertVersion(l); !inserted) {
        return inserted;
    }
    // The outbox entry points at the version row (uuid, version) instead of copying it: versions are
    // immutable, so sync reads linkage_version when it sends — including the sealed PAN — and makes
    // the idempotency key "uuid:version" then (0033_compact_linkages.sql).
    const QByteArray id = l.uuid.toRfc4122();
    if (auto queued = m_repo.appendOutbox(QStringLiteral("linkage"), id, l.version, what); !queued) {
        return queued;
    }
    if (m_recorder != nullptr && record) {
        return m_recorder->record(m_db, {QStringLiteral("linkage"), id, what, l.version, op,
                                         l.kind + QLatin1Char(' ') + store::statusName(l.status)});
    }
    return {};
}

core::Result<Linkage> LinkageService::enrol(const Operator& op, EnrolRequest request)
{
    auto tx = store::Transaction::begin(m_db);
    if (!tx) {
        return core::fail(tx.error());
    }
    auto linkage = enrolInTransaction(op, request, nullptr);
    if (!linkage) {
        return linkage;
    }
    if (auto committed = tx->commit(); !committed) {
        return core::fail(committed.error());
    }
    qCInfo(lcServices) << "enrolled" << linkage->kind << "linkage" << linkage->uuid.toString(QUuid::WithoutBraces);
    return linkage;
}

core::Result<void> LinkageService::recordResident(const Operator& op, const store::CardIdentity& card,
                                                  const QString& name, const QString& birthDate)
{
    if (auto allowed = AccessPolicy::mayRecordResident(op); !allowed) {
        return allowed;
    }
    auto tx = store::Transaction::begin(m_db);
    if (!tx) {
        return core::fail(tx.error());
    }
    auto cardId = m_repo.ensureCard(card, m_clock.now());
    if (!cardId) {
        return core::fail(cardId.error());
    }
    if (auto added = m_repo.appendResident(*cardId, name, birthDate, op.id, m_clock.now()); !added) {
        return added;
    }
    if (m_recorder != nullptr) {
        auto recorded = m_recorder->record(m_db, {QStringLiteral("resident"), card.serial, QStringLiteral("record"), 0,
                                                  op, QStringLiteral("resident minimum recorded")});
        if (!recorded) {
            return recorded;
        }
    }
    return tx->commit();
}

core::Result<QList<Linkage>> LinkageService::findByCard(const Operator& op, const store::CardIdentity& card)
{
    if (auto allowed = AccessPolicy::mayRead(op); !allowed) {
        return core::fail(allowed.error());
    }
    return m_repo.currentByIdentity(card);
}

core::Result<QList<Linkage>> LinkageService::findByPlatformId(const Operator& op, const QString& id)
{
    if (auto allowed = AccessPolicy::mayRead(op); !allowed) {
        return core::fail(allowed.error());
    }
    return m_repo.currentByKey(QStringLiteral("platform_id"), id.trimmed());
}

core::Result<QList<Linkage>> LinkageService::findByInsurance(const Operator& op, const QString& insurer,
                                                             const QString& symbol, const QString& number,
                                                             const QString& branch)
{
    if (auto allowed = AccessPolicy::mayRead(op); !allowed) {
        return core::fail(allowed.error());
    }
    return m_repo.currentByKey(
        QStringLiteral("health_insurance"),
        LinkageValidator::insuranceKey(insurer.trimmed(), symbol.trimmed(), number.trimmed(), branch.trimmed()));
}

core::Result<QList<Linkage>> LinkageService::findByName(const Operator& op, const QString& name)
{
    if (auto allowed = AccessPolicy::mayRead(op); !allowed) {
        return core::fail(allowed.error());
    }
    return m_repo.currentByResidentName(name.trimmed());
}

core::Result<QList<Linkage>> LinkageService::history(const Operator& op, const QUuid& uuid)
{
    if (auto allowed = AccessPolicy::mayRead(op); !allowed) {
        return core::fail(allowed.error());
    }
    return m_repo.history(uuid);
}

} // namespace madoguchi::services
