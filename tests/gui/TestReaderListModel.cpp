#include "gui/ReaderListModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QTest>

using madoguchi::card::ReaderState;
using madoguchi::gui::ReaderListModel;

class TestReaderListModel final : public QObject
{
    Q_OBJECT

    static ReaderState reader(const QString& name, bool present = false, bool inUse = false, bool mute = false)
    {
        ReaderState state;
        state.name = name;
        state.cardPresent = present;
        state.cardInUse = inUse;
        state.mute = mute;
        return state;
    }

private Q_SLOTS:
    void passesTheModelTester()
    {
        ReaderListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReaders({reader(QStringLiteral("Reader A"), true), reader(QStringLiteral("リーダー B"))});
        model.setReaders({});
        model.setReaders({reader(QStringLiteral("Reader C"), false, true)});
    }

    void statusIsInTextNotOnlyColour_data()
    {
        QTest::addColumn<bool>("present");
        QTest::addColumn<bool>("inUse");
        QTest::addColumn<bool>("mute");
        QTest::addColumn<QString>("status");
        QTest::newRow("empty") << false << false << false << QStringLiteral("No card");
        QTest::newRow("present") << true << false << false << QStringLiteral("Card present");
        QTest::newRow("in use") << true << true << false << QStringLiteral("Card in use by another program");
        QTest::newRow("mute") << true << false << true << QStringLiteral("Card does not respond");
    }

    void statusIsInTextNotOnlyColour()
    {
        QFETCH(bool, present);
        QFETCH(bool, inUse);
        QFETCH(bool, mute);
        QFETCH(QString, status);
        ReaderListModel model;
        model.setReaders({reader(QStringLiteral("研修用リーダー"), present, inUse, mute)});
        const QModelIndex index = model.index(0);
        QCOMPARE(index.data(ReaderListModel::StatusTextRole).toString(), status);
        QVERIFY(index.data(Qt::DisplayRole).toString().contains(status));
        QVERIFY(index.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("研修用リーダー")));
        QVERIFY(!index.data(Qt::DecorationRole).isNull());
        QCOMPARE(index.data(ReaderListModel::CardPresentRole).toBool(), present);
    }
};

QTEST_MAIN(TestReaderListModel)
#include "TestReaderListModel.moc"
