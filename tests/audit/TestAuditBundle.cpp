// Exported bundles verify offline and every edit to them is caught and located (issue 5 "Bad input":
// truncated or edited bundle, another terminal, a head with a bad signature).
#include "AuditFixture.h"

#include "audit/AuditBundle.h"
#include "audit/AuditStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace madoguchi;
using audit::VerifyReport;

Q_DECLARE_METATYPE(VerifyReport::Problem)

namespace {

QList<QByteArray> readLines(const QString& path)
{
    QFile file(path);
    (void)file.open(QIODevice::ReadOnly);
    QList<QByteArray> lines = file.readAll().split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

void writeLines(const QString& path, const QList<QByteArray>& lines)
{
    QFile file(path);
    (void)file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(lines.join('\n') + '\n');
}

// Rewrites entry line `i` (0-based in the file): new payload; optionally the listed leaf too.
QByteArray rewriteLine(const QByteArray& line, bool fixLeaf, bool fixBytes = true)
{
    QJsonObject json = QJsonDocument::fromJson(line).object();
    auto entry = audit::AuditEntry::fromCanonical(
        QByteArray::fromBase64(json.value(QStringLiteral("bytes")).toString().toLatin1()));
    entry->payload.insert(QStringLiteral("note"), QStringLiteral("rewritten"));
    const QByteArray bytes = entry->canonicalBytes();
    if (fixBytes) {
        json.insert(QStringLiteral("bytes"), QString::fromLatin1(bytes.toBase64()));
    }
    json.insert(QStringLiteral("entry"), entry->toJson());
    if (fixLeaf) {
        json.insert(QStringLiteral("leaf"), QString::fromLatin1(audit::toBytes(audit::leafHash(bytes)).toHex()));
    }
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

using Edit = void (*)(const QString& dir);

void editLines(const QString& dir, void (*fn)(QList<QByteArray>&))
{
    const QString path = dir + QStringLiteral("/entries.jsonl");
    QList<QByteArray> lines = readLines(path);
    fn(lines);
    writeLines(path, lines);
}

void editManifest(const QString& dir, void (*fn)(QJsonObject&))
{
    QFile file(dir + QStringLiteral("/bundle.json"));
    (void)file.open(QIODevice::ReadOnly);
    QJsonObject m = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    fn(m);
    (void)file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(QJsonDocument(m).toJson());
}

} // namespace

Q_DECLARE_METATYPE(Edit)

class TestAuditBundle final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<store::Database> m_db;
    QByteArray m_publicKey;
    int m_counter = 0;

    QString exportFresh(qint64 from, qint64 to)
    {
        const QString dir = m_dir.filePath(QStringLiteral("bundle%1").arg(++m_counter));
        return audit::AuditBundle::exportRange(*m_db, from, to, dir) ? dir : QString();
    }

private slots:
    void initTestCase()
    {
        m_db = test::openAuditDb(m_dir.filePath(QStringLiteral("log.db")));
        QVERIFY(m_db);
        auto log = audit::AuditLog::open(*m_db, std::move(*audit::AuditSigner::generate()), test::fixtureClock(),
                                         {QStringLiteral("T-100"), 100});
        QVERIFY(log);
        m_publicKey = log->publicKeyDer();
        QVERIFY(test::fill(*log, *m_db, 600));
    }

    void wholeAndPartialRangesVerify_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::newRow("all") << qint64(0) << qint64(600);
        QTest::newRow("middle, previous head") << qint64(100) << qint64(450);
        QTest::newRow("one entry") << qint64(333) << qint64(334);
        QTest::newRow("first") << qint64(0) << qint64(1);
        QTest::newRow("unaligned") << qint64(257) << qint64(511);
    }

    void wholeAndPartialRangesVerify()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        const QString dir = exportFresh(from, to);
        QVERIFY(!dir.isEmpty());
        const VerifyReport report = audit::AuditBundle::verify(dir, m_publicKey, QStringLiteral("T-100"));
        QVERIFY2(report.ok(), qPrintable(report.detail));
        QCOMPARE(report.entries, to - from);
        // The bundle.json path works as well as the directory.
        QVERIFY(audit::AuditBundle::verify(dir + QStringLiteral("/bundle.json")).ok());
    }

    void editsAreCaught_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<VerifyReport::Problem>("problem");
        QTest::addColumn<qint64>("index");
        using P = VerifyReport::Problem;
        // Bundles below cover [100, 450): line i is entry 100 + i.
        QTest::newRow("readable fields edited") << Edit([](const QString& d) {
            editLines(d, [](QList<QByteArray>& l) { l[20] = rewriteLine(l[20], false, false); });
        }) << P::Modified << qint64(120);
        QTest::newRow("signed bytes edited") << Edit([](const QString& d) {
            editLines(d, [](QList<QByteArray>& l) { l[30] = rewriteLine(l[30], false); });
        }) << P::Modified << qint64(130);
        QTest::newRow("bytes and listed leaf edited") << Edit([](const QString& d) {
            editLines(d, [](QList<QByteArray>& l) { l[40] = rewriteLine(l[40], true); });
        }) << P::HeadRoot << qint64(100);
        QTest::newRow("line deleted") << Edit([](const QString& d) {
            editLines(d, [](QList<QByteArray>& l) { l.removeAt(5); });
        }) << P::Missing << qint64(105);
        QTest::newRow("lines swapped") << Edit([](const QString& d) {
            editLines(d, [](QList<QByteArray>& l) { l.swapItemsAt(7, 8); });
        }) << P::Missing << qint64(107);
        QTest::newRow("line duplicated") << Edit([](const QString& d) {
            editLines(d, [](QList<QByteArray>& l) { l.insert(9, l[8]); });
        }) << P::Misplaced << qint64(108);
        QTest::newRow("truncated") << Edit([](const QString& d) {
            editLines(d, [](QList<QByteArray>& l) { l.resize(300); });
        }) << P::Missing << qint64(400);
        QTest::newRow("forged head root") << Edit([](const QString& d) {
            editManifest(d, [](QJsonObject& m) {
                QJsonObject head = m.value(QStringLiteral("head")).toObject();
                head.insert(QStringLiteral("root"), QString(64, QLatin1Char('0')));
                m.insert(QStringLiteral("head"), head);
            });
        }) << P::HeadSignature << qint64(-1);
        QTest::newRow("outside subtree altered") << Edit([](const QString& d) {
            editManifest(d, [](QJsonObject& m) {
                QJsonArray nodes = m.value(QStringLiteral("nodes")).toArray();
                QJsonObject first = nodes.at(0).toObject();
                first.insert(QStringLiteral("hash"), QString(64, QLatin1Char('1')));
                nodes.replace(0, first);
                m.insert(QStringLiteral("nodes"), nodes);
            });
        }) << P::HeadRoot << qint64(100);
        QTest::newRow("not a bundle") << Edit([](const QString& d) {
            editManifest(d, [](QJsonObject& m) { m = QJsonObject(); });
        }) << P::Malformed << qint64(-1);
    }

    void editsAreCaught()
    {
        QFETCH(Edit, edit);
        QFETCH(VerifyReport::Problem, problem);
        QFETCH(qint64, index);
        const QString dir = exportFresh(100, 450);
        QVERIFY(audit::AuditBundle::verify(dir, m_publicKey).ok());
        edit(dir);
        const VerifyReport report = audit::AuditBundle::verify(dir, m_publicKey);
        QVERIFY2(report.problem == problem, qPrintable(audit::problemName(report.problem) + u' ' + report.detail));
        QCOMPARE(report.firstBadIndex, index);
    }

    void anotherTerminalIsRefused()
    {
        const QString dir = exportFresh(0, 100);
        auto other = audit::AuditSigner::generate();
        VerifyReport report = audit::AuditBundle::verify(dir, other->publicKeyDer());
        QCOMPARE(report.problem, VerifyReport::Problem::WrongTerminal);
        QVERIFY(report.detail.contains(QStringLiteral("pinned")));
        report = audit::AuditBundle::verify(dir, {}, QStringLiteral("T-999"));
        QCOMPARE(report.problem, VerifyReport::Problem::WrongTerminal);
        QVERIFY(report.detail.contains(QStringLiteral("T-100")));
    }

    void missingBundleIsMalformed()
    {
        QCOMPARE(audit::AuditBundle::verify(m_dir.filePath(QStringLiteral("nothing"))).problem,
                 VerifyReport::Problem::Malformed);
    }

    void exportNeedsACoveringHead()
    {
        QVERIFY(!audit::AuditBundle::exportRange(*m_db, 0, 601, m_dir.filePath(QStringLiteral("x"))));
        QVERIFY(!audit::AuditBundle::exportRange(*m_db, 5, 5, m_dir.filePath(QStringLiteral("x"))));
    }
};

QTEST_GUILESS_MAIN(TestAuditBundle)
#include "TestAuditBundle.moc"
