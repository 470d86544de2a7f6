#include "pki/RevocationConsequences.h"
#include "pki/SuccessionTable.h"

#include <QTest>

using namespace madoguchi;
using namespace madoguchi::pki;

namespace {

SuccessionKey key(const char* serialHex)
{
    return SuccessionKey{QByteArray::fromHex("AA"), QByteArray::fromHex(serialHex)};
}

} // namespace

class TestRevocationConsequences final : public QObject
{
    Q_OBJECT

private:
    SuccessionTable m_table;

private Q_SLOTS:
    void initTestCase()
    {
        const QDateTime at(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);
        // 10 → 11 → 12: a renewal, then a re-issue. 20 has no link.
        QVERIFY(m_table.add({key("10"), key("11"), at}));
        QVERIFY(m_table.add({key("11"), key("12"), at}));
    }

    // jpki-card.md §6, row by row, for both certificate kinds.
    void mapping_data()
    {
        QTest::addColumn<int>("reason"); // -1: no reasonCode in the entry
        QTest::addColumn<CertKind>("kind");
        QTest::addColumn<QByteArray>("serial");
        QTest::addColumn<RevocationEventKind>("expected");
        QTest::addColumn<QByteArray>("successor"); // expected latest successor, empty: none
        using K = RevocationEventKind;
        const CertKind auth = CertKind::Auth;
        const CertKind sign = CertKind::Sign;
        QTest::newRow("0 destroyed, auth") << 0 << auth << QByteArray("20") << K::Revoke << QByteArray();
        QTest::newRow("no reason = unspecified") << -1 << sign << QByteArray("20") << K::Revoke << QByteArray();
        QTest::newRow("1 keyCompromise, auth") << 1 << auth << QByteArray("20") << K::Block << QByteArray();
        QTest::newRow("1 keyCompromise, sign") << 1 << sign << QByteArray("20") << K::Block << QByteArray();
        QTest::newRow("6 certificateHold") << 6 << auth << QByteArray("20") << K::Block << QByteArray();
        QTest::newRow("3 affiliationChanged, sign")
            << 3 << sign << QByteArray("20") << K::ChangeOfAddress << QByteArray();
        QTest::newRow("3 affiliationChanged, auth: unexpected")
            << 3 << auth << QByteArray("20") << K::Review << QByteArray();
        QTest::newRow("4 superseded, chain to the latest")
            << 4 << auth << QByteArray("10") << K::Migrate << QByteArray("12");
        QTest::newRow("4 superseded, middle of the chain")
            << 4 << sign << QByteArray("11") << K::Migrate << QByteArray("12");
        QTest::newRow("4 superseded, no link yet")
            << 4 << auth << QByteArray("20") << K::SuccessorMissing << QByteArray();
        QTest::newRow("5 cessationOfOperation") << 5 << auth << QByteArray("20") << K::End << QByteArray();
        QTest::newRow("2 cACompromise") << 2 << auth << QByteArray("20") << K::Block << QByteArray();
        QTest::newRow("9 privilegeWithdrawn") << 9 << sign << QByteArray("20") << K::Block << QByteArray();
        QTest::newRow("10 aACompromise") << 10 << sign << QByteArray("20") << K::Block << QByteArray();
        QTest::newRow("8 removeFromCRL") << 8 << auth << QByteArray("20") << K::Review << QByteArray();
        QTest::newRow("7 unused") << 7 << auth << QByteArray("20") << K::Review << QByteArray();
        QTest::newRow("99 out of range") << 99 << auth << QByteArray("20") << K::Review << QByteArray();
        // Codes arrive as ints (OCSP, the platform feed); CrlReason is 8 bits: nothing may wrap into a reason.
        QTest::newRow("257 = 1 + 256") << 257 << auth << QByteArray("20") << K::Review << QByteArray();
        QTest::newRow("260 = 4 + 256") << 260 << auth << QByteArray("20") << K::Review << QByteArray();
        QTest::newRow("255 = NotGiven's value") << 255 << auth << QByteArray("20") << K::Review << QByteArray();
    }

    void mapping()
    {
        QFETCH(int, reason);
        QFETCH(CertKind, kind);
        QFETCH(QByteArray, serial);
        QFETCH(RevocationEventKind, expected);
        QFETCH(QByteArray, successor);
        const RevokedCertificate revoked{key(serial.constData()), kind,
                                         reason < 0 ? std::nullopt : std::optional<int>(reason),
                                         QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC)};
        QList<RevocationEvent> events;
        RevocationConsequences(&m_table).dispatch(revoked, [&](const RevocationEvent& e) { events.append(e); });
        QCOMPARE(events.size(), 1);
        QCOMPARE(eventKindName(events[0].kind), eventKindName(expected));
        QCOMPARE(events[0].revoked.certificate, revoked.certificate);
        QCOMPARE(events[0].successor.has_value(), !successor.isEmpty());
        if (events[0].successor) {
            QCOMPARE(events[0].successor->serial, QByteArray::fromHex(successor));
        }
    }

    void supersededWithoutTableIsSuccessorMissing()
    {
        const RevokedCertificate revoked{key("10"), CertKind::Auth, 4, {}};
        QCOMPARE(RevocationConsequences().eventFor(revoked).kind, RevocationEventKind::SuccessorMissing);
    }
};

QTEST_GUILESS_MAIN(TestRevocationConsequences)
#include "TestRevocationConsequences.moc"
