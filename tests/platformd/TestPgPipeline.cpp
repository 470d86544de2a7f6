// PgPipeline against a real throw-away PostgreSQL: results in order and to the right request, one
// failing statement isolated by its own Sync, a connection killed with statements in flight fails
// them all with NetworkFailure (the API's 503), and the next statement reconnects.

#include "platformd/PgPipeline.h"
#include "platformd/ThrowawayCluster.h"

#include <QTest>

#include <boost/asio/io_context.hpp>

#include <algorithm>
#include <memory>
#include <optional>

using namespace madoguchi;
using namespace madoguchi::platformd;

namespace {

constexpr const char* Echo = "SELECT $1::int + 0";
constexpr const char* Divide = "SELECT 1 / $1::int";
constexpr const char* Sleep = "SELECT pg_sleep($1::int)";

struct Outcome
{
    std::optional<core::Result<PgResult>> result;
};

} // namespace

class TestPgPipeline final : public QObject
{
    Q_OBJECT

    std::unique_ptr<ThrowawayCluster> m_cluster;

    // Runs the loop until every outcome has arrived.
    static void runUntilDone(boost::asio::io_context& io, const std::vector<std::shared_ptr<Outcome>>& outcomes)
    {
        auto pending = [&outcomes] {
            return std::any_of(outcomes.begin(), outcomes.end(), [](const auto& o) { return !o->result; });
        };
        io.restart();
        while (pending() && io.run_one() > 0) {
        }
    }

    static std::shared_ptr<Outcome> submit(PgPipeline& pipeline, const char* sql, const QByteArray& value)
    {
        auto outcome = std::make_shared<Outcome>();
        pipeline.exec(sql, {value}, [outcome](core::Result<PgResult> r) { outcome->result.emplace(std::move(r)); });
        return outcome;
    }

    QString sqlValue(const QString& sql)
    {
        auto db = PgConnection::open(m_cluster->conninfo());
        auto row = db ? (*db)->exec(sql.toUtf8().constData()) : core::Result<PgResult>(core::fail(db.error()));
        return row && row->rows() > 0 ? row->text(0, 0) : QString();
    }

private slots:
    void initTestCase()
    {
        auto cluster = ThrowawayCluster::start(QStringLiteral("pipeline"));
        QVERIFY2(cluster, qPrintable(cluster ? QString() : cluster.error().toString()));
        m_cluster = std::move(*cluster);
    }

    void resultsComeBackInOrderToTheirRequest()
    {
        boost::asio::io_context io(1);
        PgPipeline pipeline(io, m_cluster->conninfo());
        std::vector<std::shared_ptr<Outcome>> outcomes;
        for (int i = 0; i < 200; ++i) {
            outcomes.push_back(submit(pipeline, Echo, QByteArray::number(i)));
        }
        QCOMPARE(pipeline.inFlight(), 200);
        runUntilDone(io, outcomes);
        for (int i = 0; i < 200; ++i) {
            QVERIFY(outcomes[static_cast<std::size_t>(i)]->result->has_value());
            QCOMPARE(outcomes[static_cast<std::size_t>(i)]->result->value().integer(0, 0), i);
        }
        QCOMPARE(pipeline.inFlight(), 0);
    }

    void aFailingStatementDoesNotTouchItsNeighbours()
    {
        boost::asio::io_context io(1);
        PgPipeline pipeline(io, m_cluster->conninfo());
        std::vector<std::shared_ptr<Outcome>> outcomes{submit(pipeline, Divide, "1"), submit(pipeline, Divide, "0"),
                                                       submit(pipeline, Echo, "7")};
        runUntilDone(io, outcomes);
        QVERIFY(outcomes[0]->result->has_value());
        QVERIFY(!outcomes[1]->result->has_value());
        QCOMPARE(outcomes[1]->result->error().code, core::Errc::StoreFailure);
        QVERIFY(outcomes[1]->result->error().detail.startsWith(QStringLiteral("22012"))); // division_by_zero
        QVERIFY(outcomes[2]->result->has_value());
        QCOMPARE(outcomes[2]->result->value().integer(0, 0), 7);
    }

    void aBadStatementFailsAloneAndIsNotRemembered()
    {
        boost::asio::io_context io(1);
        PgPipeline pipeline(io, m_cluster->conninfo());
        static const char* const Broken = "SELECT no_such_column FROM pg_class WHERE relname = $1";
        std::vector<std::shared_ptr<Outcome>> outcomes{submit(pipeline, Broken, "x"), submit(pipeline, Echo, "3")};
        runUntilDone(io, outcomes);
        QCOMPARE(outcomes[0]->result->error().code, core::Errc::StoreFailure);
        QVERIFY(outcomes[0]->result->error().detail.startsWith(QStringLiteral("42703"))); // undefined_column
        QCOMPARE(outcomes[1]->result->value().integer(0, 0), 3);
        // Prepared again (the same cause), not "26000 prepared statement does not exist".
        std::vector<std::shared_ptr<Outcome>> again{submit(pipeline, Broken, "x")};
        runUntilDone(io, again);
        QVERIFY(again[0]->result->error().detail.startsWith(QStringLiteral("42703")));
    }

    void killedConnectionFailsEverythingInFlightThenRecovers()
    {
        boost::asio::io_context io(1);
        PgPipeline pipeline(io, m_cluster->conninfo());
        std::vector<std::shared_ptr<Outcome>> outcomes{submit(pipeline, Sleep, "60"), submit(pipeline, Echo, "1"),
                                                       submit(pipeline, Echo, "2")};
        io.poll(); // the corked statements leave
        // The sleeping backend is what PostgreSQL terminates (as on a fail-over or an administrator's kill).
        QTRY_COMPARE_WITH_TIMEOUT(sqlValue(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE query = '%1' "
                                                          "AND state = 'active'")
                                               .arg(QLatin1String(Sleep))),
                                  QStringLiteral("1"), 20000);
        QCOMPARE(sqlValue(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = '%1'")
                              .arg(QLatin1String(Sleep))),
                 QStringLiteral("t"));
        runUntilDone(io, outcomes);
        for (const auto& outcome : outcomes) {
            QVERIFY(!outcome->result->has_value());
            QCOMPARE(outcome->result->error().code, core::Errc::NetworkFailure);
        }
        QCOMPARE(pipeline.inFlight(), 0);
        std::vector<std::shared_ptr<Outcome>> after{submit(pipeline, Echo, "5")};
        runUntilDone(io, after);
        QCOMPARE(after[0]->result->value().integer(0, 0), 5);
    }

    void serverDownAnswersAtOnceAndServerBackIsUsed()
    {
        boost::asio::io_context io(1);
        PgPipeline pipeline(io, m_cluster->conninfo());
        std::vector<std::shared_ptr<Outcome>> warm{submit(pipeline, Echo, "1")};
        runUntilDone(io, warm);
        QVERIFY(m_cluster->stopServer());
        std::vector<std::shared_ptr<Outcome>> down{submit(pipeline, Echo, "2")};
        runUntilDone(io, down);
        QCOMPARE(down[0]->result->error().code, core::Errc::NetworkFailure);
        QVERIFY(m_cluster->startServer());
        std::vector<std::shared_ptr<Outcome>> up{submit(pipeline, Echo, "3")};
        runUntilDone(io, up);
        QCOMPARE(up[0]->result->value().integer(0, 0), 3);
    }

    void cleanupTestCase() { m_cluster.reset(); }
};

QTEST_GUILESS_MAIN(TestPgPipeline)
#include "TestPgPipeline.moc"
