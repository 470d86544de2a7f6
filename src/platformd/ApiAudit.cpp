// Audit ingestion (architecture.md §6): a terminal uploads new entries and a signed tree head
// (RFC 6962 §3.5 style: size + root hash + signature). The platform checks that the log only grew:
// a smaller size than before is a shrink, a root that does not match the entries it holds is a fork.
// Both are flagged (committed) and answered 409.

#include "core/Logging.h"
#include "platformd/PlatformApiImpl.h"
#include "platformd/TerminalTreeHead.h"

namespace madoguchi::platformd {

namespace {

bool verifyHead(const QByteArray& certDer, const QByteArray& message, const QByteArray& signature)
{
    auto cert = pki::ossl::certFromDer(certDer);
    if (!cert) {
        return false;
    }
    pki::ossl::EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY* key = X509_get0_pubkey(cert->get());
    return key != nullptr && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
           EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.constData()),
                            static_cast<size_t>(signature.size()),
                            reinterpret_cast<const unsigned char*>(message.constData()),
                            static_cast<size_t>(message.size())) == 1;
}

struct Upload
{
    QList<QPair<qint64, QByteArray>> entries;
    qint64 treeSize = 0;
    QByteArray rootHash;
    QByteArray signature;
};

ApiResult<Upload> parseUpload(const QByteArray& body)
{
    auto object = parseObject(body, {QStringLiteral("entries"), QStringLiteral("treeHead")},
                              {QStringLiteral("entries"), QStringLiteral("treeHead")});
    if (!object) {
        return tl::unexpected(object.error());
    }
    Upload upload;
    const QJsonArray entries = object->value(QStringLiteral("entries")).toArray();
    for (int i = 0; i < entries.size(); ++i) {
        auto entry =
            checkObject(entries[i].toObject(), {QStringLiteral("index"), QStringLiteral("leaf")},
                        {QStringLiteral("index"), QStringLiteral("leaf")}, QStringLiteral("entries[%1].").arg(i));
        auto leaf =
            entry ? base64Field(*entry, QStringLiteral("leaf")) : ApiResult<QByteArray>(tl::unexpected(entry.error()));
        if (!leaf) {
            return tl::unexpected(leaf.error());
        }
        upload.entries.append({static_cast<qint64>(entry->value(QStringLiteral("index")).toDouble()), *leaf});
    }
    const QJsonObject head = object->value(QStringLiteral("treeHead")).toObject();
    const QStringList headFields{QStringLiteral("treeSize"), QStringLiteral("rootHash"), QStringLiteral("signature")};
    auto checked = checkObject(head, headFields, headFields, QStringLiteral("treeHead."));
    auto root = checked ? base64Field(head, QStringLiteral("rootHash"))
                        : ApiResult<QByteArray>(tl::unexpected(checked.error()));
    auto signature = root ? base64Field(head, QStringLiteral("signature")) : root;
    if (!signature) {
        return tl::unexpected(signature.error());
    }
    upload.treeSize = static_cast<qint64>(head.value(QStringLiteral("treeSize")).toDouble());
    upload.rootHash = *root;
    upload.signature = *signature;
    return upload;
}

HttpResponse flag(PgConnection& db, const QString& terminal, const char* kind, const QString& detail)
{
    (void)db.exec("INSERT INTO audit_flags(terminal_id, kind, detail) VALUES ($1, $2, $3)",
                  {terminal.toUtf8(), QByteArray(kind), detail.toUtf8()});
    qCWarning(lcPlatform).noquote() << "audit flag" << kind << "terminal" << terminal << detail;
    return errorResponse(ApiError{409, QStringLiteral("audit_log_%1").arg(QLatin1String(kind)), detail});
}

} // namespace

ApiResult<HttpResponse> PlatformApi::Impl::uploadAudit(const HttpRequest& request)
{
    auto upload = parseUpload(request.body);
    if (!upload) {
        return tl::unexpected(upload.error());
    }
    const QString terminal = request.peer.commonName;
    return transaction([&](PgConnection& db) -> ApiResult<HttpResponse> {
        auto state = db.exec("SELECT pg_advisory_xact_lock(hashtext($1)), "
                             "(SELECT coalesce(max(tree_size), 0) FROM audit_heads WHERE terminal_id = $1)",
                             {terminal.toUtf8()});
        auto leaves =
            state ? db.exec("SELECT leaf FROM audit_entries WHERE terminal_id = $1 ORDER BY idx", {terminal.toUtf8()})
                  : std::move(state);
        if (!leaves || !state) {
            return tl::unexpected(fromCoreError(!leaves ? leaves.error() : state.error()));
        }
        const qint64 previous = state->integer(0, 1);
        if (upload->treeSize < previous) {
            return flag(db, terminal, "shrink",
                        QStringLiteral("tree size %1 < %2").arg(upload->treeSize).arg(previous));
        }
        QList<QByteArray> data;
        for (int r = 0; r < leaves->rows(); ++r) {
            data.append(QByteArray::fromHex(leaves->value(r, 0).mid(2))); // bytea hex output "\x…"
        }
        const qsizetype stored = data.size();
        for (const auto& [index, leaf] : upload->entries) {
            if (index < data.size() && data[index] != leaf) {
                return flag(db, terminal, "fork", QStringLiteral("entry %1 differs from the stored one").arg(index));
            }
            if (index == data.size()) {
                data.append(leaf);
            } else if (index > data.size()) {
                return apiFail(422, QStringLiteral("audit_gap"),
                               QStringLiteral("entry %1 after %2 entries").arg(index).arg(data.size()));
            }
        }
        if (upload->treeSize > data.size()) {
            return apiFail(422, QStringLiteral("audit_gap"), QStringLiteral("tree head covers entries not uploaded"));
        }
        auto cert = db.exec("SELECT cert_der FROM terminals WHERE terminal_id = $1", {terminal.toUtf8()});
        const QByteArray certDer =
            cert && cert->rows() == 1 ? QByteArray::fromHex(cert->value(0, 0).mid(2)) : QByteArray();
        if (!verifyHead(certDer, TerminalTreeHead::signedMessage(upload->treeSize, upload->rootHash),
                        upload->signature)) {
            return flag(db, terminal, "bad_signature", QStringLiteral("tree head %1").arg(upload->treeSize));
        }
        if (TerminalTreeHead::rootOf(data, upload->treeSize) != upload->rootHash) {
            return flag(db, terminal, "fork",
                        QStringLiteral("root of %1 entries does not match").arg(upload->treeSize));
        }
        for (qsizetype i = stored; i < data.size(); ++i) {
            auto ok = db.exec("INSERT INTO audit_entries(terminal_id, idx, leaf) VALUES ($1, $2, decode($3, 'hex'))",
                              {terminal.toUtf8(), QByteArray::number(i), data[i].toHex()});
            if (!ok) {
                return tl::unexpected(fromCoreError(ok.error()));
            }
        }
        auto head = db.exec("INSERT INTO audit_heads(terminal_id, tree_size, root_hash, signature) VALUES ($1, $2, "
                            "decode($3, 'hex'), decode($4, 'hex')) ON CONFLICT DO NOTHING",
                            {terminal.toUtf8(), QByteArray::number(upload->treeSize), upload->rootHash.toHex(),
                             upload->signature.toHex()});
        if (!head) {
            return tl::unexpected(fromCoreError(head.error()));
        }
        return jsonResponse(200, QJsonObject{{QStringLiteral("treeSize"), static_cast<double>(upload->treeSize)},
                                             {QStringLiteral("storedEntries"), static_cast<double>(data.size())}});
    });
}

} // namespace madoguchi::platformd
