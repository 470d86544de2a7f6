// The CRL adapter seam with real certificates, and the revocation service over a real OCSP
// responder with a CRL index behind it. Labelled integration (runs openssl).

#include "TestOcspPki.h"

#include "pki/OcspSource.h"
#include "pki/RevocationConsequences.h"
#include "pki/RevocationCrlSource.h"
#include "pki/RevocationService.h"
#include "pki/SuccessionTable.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace madoguchi;
using namespace madoguchi::pki;

namespace {

// Lists the serials it is given, as one fresh CRL of the expected issuer.
class FakeCrlIndex final : public RevocationCrlIndex
{
public:
    QByteArray issuerKeyId;
    QByteArray revokedSerial;
    QDateTime thisUpdate;
    mutable int lookups = 0;

    [[nodiscard]] core::Result<CrlLookupAnswer> lookup(const QByteArray& keyId, const QByteArray& serial) const override
    {
        ++lookups;
        if (keyId != issuerKeyId) {
            return core::fail(core::Errc::NotFound, QStringLiteral("no CRL for this issuer"));
        }
        CrlLookupAnswer answer;
        answer.listed = serial == revokedSerial;
        if (answer.listed) {
            answer.reasonCode = 4;
        }
        answer.crlName = QStringLiteral("test.crl");
        answer.crlNumber = 812;
        answer.thisUpdate = thisUpdate;
        answer.nextUpdate = thisUpdate.addDays(1);
        return answer;
    }
};

} // namespace

class TestRevocationCrlSource final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestOcspPki> m_pki;
    core::SystemClock m_clock;

    RevocationQuery query(const QString& cert, const QString& url = {}) const
    {
        return RevocationQuery{m_pki->der(cert), m_pki->der(QStringLiteral("ca")), CertKind::Auth, QUrl(url)};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pki = std::make_unique<TestOcspPki>(m_dir.path());
        QVERIFY2(m_pki->generate(), qPrintable(m_pki->errorString()));
    }

    void keyIsAuthorityKeyIdAndSerial()
    {
        const auto good = RevocationCrlSource::keyOf(m_pki->der(QStringLiteral("good")), {});
        const auto signer = RevocationCrlSource::keyOf(m_pki->der(QStringLiteral("signer")), {});
        const auto rogue = RevocationCrlSource::keyOf(m_pki->der(QStringLiteral("rogueSigner")), {});
        QVERIFY(good && signer && rogue);
        QCOMPARE(good->serial, QByteArray::fromHex("1001"));
        QCOMPARE(good->issuerKeyId.size(), 20);
        QCOMPARE(good->issuerKeyId, signer->issuerKeyId);
        // Same issuer DN, different CA key: a different identity (jpki-card.md §5).
        QVERIFY(rogue->issuerKeyId != good->issuerKeyId);
        QVERIFY(!RevocationCrlSource::keyOf("not a certificate", {}));
    }

    // A live "revoked, superseded" answer for a real certificate becomes a migration to its successor.
    void revokedAnswerBecomesAnEvent()
    {
        TestOcspResponder responder(*m_pki);
        QVERIFY2(responder.start(QStringLiteral("signer"), QStringLiteral("signer")),
                 qPrintable(responder.errorString()));
        OcspSource ocsp(m_clock, nullptr, {});
        RevocationQuery q = query(QStringLiteral("revoked4"), responder.url());
        q.kind = CertKind::Sign;
        const auto status = ocsp.statusOf(q);
        QVERIFY2(status, qPrintable(status ? QString() : status.error().toString()));
        const auto revoked = RevocationConsequences::revokedCertificateOf(q, *status);
        QVERIFY(revoked);
        QCOMPARE(revoked->certificate.serial, QByteArray::fromHex("1014"));
        QCOMPARE(revoked->kind, CertKind::Sign);
        QCOMPARE(revoked->reasonCode.value_or(-1), 4);

        SuccessionTable table;
        const SuccessionKey successor{revoked->certificate.issuerKeyId, QByteArray::fromHex("2014")};
        QVERIFY(table.add({revoked->certificate, successor, m_clock.now()}));
        const RevocationEvent event = RevocationConsequences(&table).eventFor(*revoked);
        QCOMPARE(event.kind, RevocationEventKind::Migrate);
        QCOMPARE(event.successor.value_or(SuccessionKey{}), successor);

        const auto good = ocsp.statusOf(query(QStringLiteral("good"), responder.url()));
        QVERIFY(good);
        QVERIFY(!RevocationConsequences::revokedCertificateOf(q, *good));
    }

    void serviceFallsBackToTheCrlWhenOcspIsDown_data()
    {
        QTest::addColumn<bool>("responderUp");
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("decidedBy");
        QTest::newRow("OCSP up, good") << true << QStringLiteral("good") << QStringLiteral("good")
                                       << QStringLiteral("ocsp");
        QTest::newRow("OCSP up, unknown stays unknown")
            << true << QStringLiteral("unknown") << QStringLiteral("unknown") << QStringLiteral("ocsp");
        QTest::newRow("OCSP down, CRL good")
            << false << QStringLiteral("good") << QStringLiteral("good") << QStringLiteral("crl");
        QTest::newRow("OCSP down, CRL revoked")
            << false << QStringLiteral("revoked4") << QStringLiteral("revoked") << QStringLiteral("crl");
    }

    void serviceFallsBackToTheCrlWhenOcspIsDown()
    {
        QFETCH(bool, responderUp);
        QFETCH(QString, cert);
        QFETCH(QString, verdict);
        QFETCH(QString, decidedBy);
        TestOcspResponder responder(*m_pki);
        QString url = QStringLiteral("http://127.0.0.1:%1").arg(freeLocalPort());
        if (responderUp) {
            QVERIFY2(responder.start(QStringLiteral("signer"), QStringLiteral("signer")),
                     qPrintable(responder.errorString()));
            url = responder.url();
        }
        FakeCrlIndex index;
        index.issuerKeyId = RevocationCrlSource::keyOf(m_pki->der(QStringLiteral("good")), {})->issuerKeyId;
        index.revokedSerial = QByteArray::fromHex("1014");
        index.thisUpdate = m_clock.now().addSecs(-3600);
        RevocationCrlSource crl(index);
        OcspSource ocsp(m_clock, nullptr, {});
        RevocationService service(m_clock, {});
        service.setSource(RevocationSourceKind::Ocsp, &ocsp);
        service.setSource(RevocationSourceKind::Crl, &crl);

        const RevocationVerdict result = service.check(query(cert, url));
        QCOMPARE(certStatusName(result.status), verdict);
        QVERIFY(result.decidedBy);
        QCOMPARE(sourceKindName(result.decidedBy->source), decidedBy);
        if (!responderUp) {
            QCOMPARE(result.attempts.size(), 2);
            QCOMPARE(result.attempts[0].error->code, core::Errc::ConnectionRefused);
            QCOMPARE(result.decidedBy->crlNumber.value_or(0), 812);
        } else {
            QCOMPARE(index.lookups, 0);
            QCOMPARE(result.decidedBy->sourceName, url);
        }
    }
};

QTEST_GUILESS_MAIN(TestRevocationCrlSource)
#include "TestRevocationCrlSource.moc"
