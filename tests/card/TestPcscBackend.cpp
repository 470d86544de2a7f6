#include "card/PcscBackend.h"
#include "card/PcscError.h"

#include <QTest>

using namespace madoguchi;
using namespace madoguchi::card;

class TestPcscBackend final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readerNamesWalkedByBytes_data()
    {
        QTest::addColumn<QByteArray>("multi");
        QTest::addColumn<QStringList>("names");
        const QString japanese = QStringLiteral("ソニー 非接触ICカードリーダー 00 00");
        QTest::newRow("empty") << QByteArray("\0", 1) << QStringList();
        QTest::newRow("nothing") << QByteArray() << QStringList();
        QTest::newRow("two ascii") << QByteArray("A 00\0B 01\0\0", 11)
                                   << QStringList{QStringLiteral("A 00"), QStringLiteral("B 01")};
        // The Japanese name is 3 bytes per character: a QString::size() walk would cut it.
        QTest::newRow("japanese then ascii") << (japanese.toUtf8() + QByteArray("\0Virtual PCD 00 00\0\0", 20))
                                             << QStringList{japanese, QStringLiteral("Virtual PCD 00 00")};
        QTest::newRow("missing final NUL") << QByteArray("Only") << QStringList{QStringLiteral("Only")};
    }

    void readerNamesWalkedByBytes()
    {
        QFETCH(QByteArray, multi);
        QFETCH(QStringList, names);
        QCOMPARE(PcscBackend::splitReaderNames(multi), names);
    }

    void errorTable_data()
    {
        QTest::addColumn<qint64>("rc");
        QTest::addColumn<core::Errc>("code");
        QTest::newRow("NO_SERVICE") << qint64(0x8010001D) << core::Errc::NoService;
        QTest::newRow("SERVICE_STOPPED") << qint64(0x8010001E) << core::Errc::NoService;
        QTest::newRow("NO_READERS_AVAILABLE") << qint64(0x8010002E) << core::Errc::NoReaders;
        QTest::newRow("NOT_TRANSACTED") << qint64(0x80100016) << core::Errc::CardRemoved;
        QTest::newRow("REMOVED_CARD") << qint64(0x80100069) << core::Errc::CardRemoved;
        QTest::newRow("RESET_CARD") << qint64(0x80100068) << core::Errc::CardReset;
        QTest::newRow("NO_SMARTCARD") << qint64(0x8010000C) << core::Errc::NoCard;
        QTest::newRow("SHARING_VIOLATION") << qint64(0x8010000B) << core::Errc::SharingViolation;
        QTest::newRow("UNRESPONSIVE") << qint64(0x80100066) << core::Errc::CardUnresponsive;
        QTest::newRow("UNKNOWN_READER") << qint64(0x80100009) << core::Errc::ReaderUnavailable;
        QTest::newRow("CANCELLED") << qint64(0x80100002) << core::Errc::Cancelled;
        QTest::newRow("TIMEOUT") << qint64(0x8010000A) << core::Errc::Timeout;
        QTest::newRow("unknown code") << qint64(0x801000FF) << core::Errc::TransportFailed;
        // WinSCard's LONG is 32-bit: the same code arrives negative there.
        QTest::newRow("NO_SERVICE as 32-bit LONG") << qint64(qint32(0x8010001D)) << core::Errc::NoService;
    }

    void errorTable()
    {
        QFETCH(qint64, rc);
        QFETCH(core::Errc, code);
        const core::Error error = PcscError::toError(rc, QStringLiteral("SCardTransmit"));
        QCOMPARE(error.code, code);
        QCOMPARE(error.nativeCode, qint64(quint32(rc)));
        QVERIFY(error.detail.startsWith(QStringLiteral("SCardTransmit: ")));
    }

    void serviceGone()
    {
        QVERIFY(PcscError::isServiceGone(0x8010001D));
        QVERIFY(PcscError::isServiceGone(0x8010001E));
        QVERIFY(PcscError::isServiceGone(0x80100013)); // F_COMM_ERROR: pcscd died during a wait
        QVERIFY(!PcscError::isServiceGone(0x80100069));
    }
};

QTEST_GUILESS_MAIN(TestPcscBackend)
#include "TestPcscBackend.moc"
