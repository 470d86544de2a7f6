// Delta CRLs over a base (RFC 5280 §5.2.4) and the events between two CRLs (issue 3 item 4).
#include "pki/Crl.h"
#include "pki/CrlDelta.h"
#include "pki/CrlGenerator.h"
#include "pki/CrlIssuer.h"

#include <QTest>

using namespace madoguchi;
using namespace madoguchi::pki;

namespace {

const QByteArray A = QByteArray::fromHex("0a"), B = QByteArray::fromHex("0b"), C = QByteArray::fromHex("0c"),
                 D = QByteArray::fromHex("0d"), E = QByteArray::fromHex("0e");
const qint64 T = 1767225600;

} // namespace

class TestCrlDelta final : public QObject
{
    Q_OBJECT

private:
    std::optional<CrlGenerator> m_ca;
    std::optional<CrlIssuer> m_issuer;
    core::FixedClock m_clock{QDateTime::fromSecsSinceEpoch(T + 60, Qt::UTC)};
    std::vector<QByteArray> m_keep; // Crl::fromMemory needs the bytes to outlive it

    Crl make(std::vector<CrlGenerator::Entry> entries, quint64 number, std::optional<quint64> base = {},
             const CrlGenerator* signer = nullptr)
    {
        CrlGenerator::Spec spec;
        spec.entries = std::move(entries);
        spec.crlNumber = number;
        spec.deltaBase = base;
        m_keep.push_back(*(signer ? signer : &*m_ca)->generate(spec));
        const QByteArray& der = m_keep.back();
        auto issuer = signer ? *CrlIssuer::fromPem(signer->certificatePem()) : *m_issuer;
        auto crl = Crl::fromMemory(reinterpret_cast<const uchar*>(der.constData()), der.size(), &issuer, m_clock);
        if (!crl) {
            qFatal("%s", qPrintable(crl.error().toString()));
        }
        return std::move(*crl);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_keep.reserve(64);
        auto ca = CrlGenerator::create(QStringLiteral("JPKI Test CA"));
        QVERIFY(ca);
        m_ca = std::move(*ca);
        m_issuer = *CrlIssuer::fromPem(m_ca->certificatePem());
    }

    void deltaOverBase()
    {
        const Crl base = make({{A, CrlReason::CertificateHold, T - 100}, {B, CrlReason::KeyCompromise, T - 50}}, 10);
        const Crl delta = make({{A, CrlReason::RemoveFromCrl, T - 10}, {C, CrlReason::Superseded, T - 5}}, 11, 10);
        QVERIFY(delta.info().isDelta());
        auto view = CrlDelta::apply(base, delta);
        QVERIFY2(view, view ? "" : qPrintable(view.error().toString()));
        QVERIFY(!view->find(A)); // hold released
        QCOMPARE(view->find(B)->reason, CrlReason::KeyCompromise);
        QCOMPARE(view->find(C)->reason, CrlReason::Superseded);
        QCOMPARE(view->find(C)->revocationDate, T - 5);
        QVERIFY(!view->find(D));
        QCOMPARE(view->crlNumber(), quint64(11));
        QVERIFY(base.find(A)); // the base itself is untouched
    }

    void deltaRefused_data()
    {
        QTest::addColumn<quint64>("baseNumber");
        QTest::addColumn<quint64>("deltaNumber");
        QTest::addColumn<quint64>("deltaBase");
        QTest::addColumn<bool>("otherCa");
        QTest::addColumn<bool>("swap");
        QTest::newRow("base older than BaseCRLNumber") << quint64(10) << quint64(13) << quint64(12) << false << false;
        QTest::newRow("delta not newer") << quint64(10) << quint64(10) << quint64(9) << false << false;
        QTest::newRow("other CA same DN") << quint64(10) << quint64(11) << quint64(10) << true << false;
        QTest::newRow("two deltas") << quint64(10) << quint64(11) << quint64(10) << false << true;
    }

    void deltaRefused()
    {
        QFETCH(quint64, baseNumber);
        QFETCH(quint64, deltaNumber);
        QFETCH(quint64, deltaBase);
        QFETCH(bool, otherCa);
        QFETCH(bool, swap);
        auto other = CrlGenerator::create(QStringLiteral("JPKI Test CA"));
        QVERIFY(other);
        const Crl base = swap ? make({{B, CrlReason::KeyCompromise, T}}, baseNumber, baseNumber - 1)
                              : make({{B, CrlReason::KeyCompromise, T}}, baseNumber);
        const Crl delta = make({{C, CrlReason::Superseded, T}}, deltaNumber, deltaBase, otherCa ? &*other : nullptr);
        auto view = CrlDelta::apply(base, delta);
        QVERIFY(!view);
        QCOMPARE(view.error().code, core::Errc::InvalidArgument);
    }

    void differenceBetweenTwoCrls()
    {
        const Crl older = make({{A, CrlReason::CertificateHold, T - 100},
                                {B, CrlReason::KeyCompromise, T - 90},
                                {D, CrlReason::Superseded, T - 80}},
                               20);
        const Crl newer = make({{B, CrlReason::KeyCompromise, T - 90},
                                {A, CrlReason::KeyCompromise, T - 10},
                                {E, CrlReason::AffiliationChanged, T - 5},
                                {C, CrlReason::CessationOfOperation, T - 4}},
                               21);
        auto diff = CrlDelta::diff(older, newer);
        QVERIFY(diff);
        QCOMPARE(diff->added.size(), size_t(2));
        QCOMPARE(diff->added[0].serial, C);
        QCOMPARE(diff->added[0].reason, CrlReason::CessationOfOperation);
        QCOMPARE(diff->added[1].serial, E);
        QCOMPARE(diff->added[1].date, T - 5);
        QCOMPARE(diff->changed.size(), size_t(1));
        QCOMPARE(diff->changed[0].serial, A);
        QCOMPARE(diff->changed[0].previousReason, CrlReason::CertificateHold);
        QCOMPARE(diff->changed[0].reason, CrlReason::KeyCompromise);
        QCOMPARE(diff->removed.size(), size_t(1));
        QCOMPARE(diff->removed[0].serial, D);
        auto backwards = CrlDelta::diff(newer, older);
        QVERIFY(!backwards);
    }

    void differenceNeedsOneCa()
    {
        auto other = CrlGenerator::create(QStringLiteral("JPKI Test CA"));
        QVERIFY(other);
        const Crl a = make({{A, CrlReason::KeyCompromise, T}}, 1);
        const Crl b = make({{A, CrlReason::KeyCompromise, T}}, 2, {}, &*other);
        QVERIFY(!CrlDelta::diff(a, b));
    }
};

QTEST_GUILESS_MAIN(TestCrlDelta)
#include "TestCrlDelta.moc"
