// The demo residents: every field filled as the card simulator needs it; save/load round trip.
#include "pki/DemoSet.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace madoguchi::pki;

namespace {

// jpki-card.md §7, written independently of the generator.
bool individualNumberValid(const QByteArray& number)
{
    if (number.size() != 12) {
        return false;
    }
    static const int weights[11] = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2}; // for digits 1..11, left to right
    int sum = 0;
    for (int i = 0; i < 11; ++i) {
        if (number.at(i) < '0' || number.at(i) > '9') {
            return false;
        }
        sum += (number.at(i) - '0') * weights[i];
    }
    const int r = sum % 11;
    return number.at(11) - '0' == (r <= 1 ? 0 : 11 - r);
}

// Length of a BER-TLV with a two-byte tag (jpki-card.md §3).
int tlvSize(int contentLength)
{
    return 2 + (contentLength < 128 ? 1 : contentLength < 256 ? 2 : 3) + contentLength;
}

} // namespace

class TestDemoSet final : public QObject
{
    Q_OBJECT

private:
    DemoSet m_set;

private Q_SLOTS:
    void initTestCase()
    {
        QElapsedTimer timer;
        timer.start();
        auto set = makeDemoSet();
        QVERIFY2(set, qPrintable(set ? QString() : set.error().toString()));
        qInfo("makeDemoSet: %lld ms", timer.elapsed());
        m_set = std::move(*set);
    }

    void checkDigitReferenceIsRight()
    {
        QVERIFY(individualNumberValid("123456789018")); // jpki-card.md §7: 12345678901 → 8
        QVERIFY(!individualNumberValid("123456789017"));
    }

    void everyResidentIsComplete()
    {
        QCOMPARE(m_set.residents.size(), size_t(9));
        QSet<QByteArray> numbers;
        for (const auto& r : m_set.residents) {
            QVERIFY2(!r.id.isEmpty() && !r.description.isEmpty(), qPrintable(r.id));
            QVERIFY(!r.authCertDer.isEmpty() && !r.authKeyPkcs8Der.isEmpty());
            QCOMPARE(r.authCaCertDer, m_set.authCaCertDer);
            QCOMPARE(r.signCertDer.isEmpty(), r.signKeyPkcs8Der.isEmpty());
            QCOMPARE(r.signCertDer.isEmpty(), r.signCaCertDer.isEmpty());
            QVERIFY(!r.facts.name.isEmpty() && !r.facts.address.isEmpty());
            QVERIFY(r.facts.name.contains(QChar(0x3000)));
            QVERIFY(QDate::fromString(r.facts.birthDate, QStringLiteral("yyyyMMdd")).isValid());
            QVERIFY(QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("9")}).contains(r.facts.sex));
            QVERIFY2(individualNumberValid(r.testIndividualNumber), r.testIndividualNumber.constData());
            numbers.insert(r.testIndividualNumber);
            if (r.kind == DemoCardKind::FaceAuthCard) {
                continue;
            }
            QVERIFY(r.authPin && r.textPin);
            QCOMPARE(r.authPin->value, QByteArray("1234"));
            QCOMPARE(r.signPin.has_value(), !r.signCertDer.isEmpty());
        }
        QCOMPARE(numbers.size(), qsizetype(m_set.residents.size()));
    }

    void specialResidents()
    {
        const DemoResident* faceAuth = m_set.resident(QStringLiteral("face-auth"));
        QVERIFY(faceAuth);
        QCOMPARE(faceAuth->kind, DemoCardKind::FaceAuthCard);
        QVERIFY(!faceAuth->authPin && !faceAuth->signPin && !faceAuth->textPin && faceAuth->signCertDer.isEmpty());

        const DemoResident* oneTry = m_set.resident(QStringLiteral("one-try"));
        QVERIFY(oneTry && oneTry->authPin);
        QCOMPARE(oneTry->authPin->triesLeft, 1);

        const DemoResident* under15 = m_set.resident(QStringLiteral("under15"));
        QVERIFY(under15 && under15->authPin && !under15->signPin && under15->signCertDer.isEmpty());

        const DemoResident* longAddress = m_set.resident(QStringLiteral("long-address"));
        QVERIFY(longAddress);
        const int content = tlvSize(longAddress->facts.name.toUtf8().size()) +
                            tlvSize(longAddress->facts.address.toUtf8().size()) + tlvSize(8) + tlvSize(1);
        QVERIFY2(content > 255, qPrintable(QString::number(content))); // FF20 needs the `82 xx xx` length
        QVERIFY(m_set.resident(QStringLiteral("nobody")) == nullptr);
    }

    void saveAndLoadRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(m_set.saveTo(dir.path()));
        QElapsedTimer timer;
        timer.start();
        auto loaded = DemoSet::loadFrom(dir.path());
        qInfo("DemoSet::loadFrom: %lld µs", timer.nsecsElapsed() / 1000);
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
        QCOMPARE(loaded->seed, m_set.seed);
        QCOMPARE(loaded->now, m_set.now);
        QCOMPARE(loaded->authCrlDer, m_set.authCrlDer);
        QCOMPARE(loaded->signOcspSignerKeyPkcs8Der, m_set.signOcspSignerKeyPkcs8Der);
        QCOMPARE(loaded->residents.size(), m_set.residents.size());
        for (size_t i = 0; i < m_set.residents.size(); ++i) {
            const DemoResident& a = m_set.residents[i];
            const DemoResident& b = loaded->residents[i];
            QCOMPARE(b.id, a.id);
            QCOMPARE(b.kind, a.kind);
            QCOMPARE(b.authCertDer, a.authCertDer);
            QCOMPARE(b.signKeyPkcs8Der, a.signKeyPkcs8Der);
            QCOMPARE(b.signCaCertDer, a.signCaCertDer);
            QCOMPARE(b.facts.address, a.facts.address);
            QCOMPARE(b.authPin.has_value(), a.authPin.has_value());
            if (a.authPin) {
                QCOMPARE(b.authPin->triesLeft, a.authPin->triesLeft);
            }
            QCOMPARE(b.testIndividualNumber, a.testIndividualNumber);
        }
        QCOMPARE(loaded->successions.size(), size_t(1));
        QCOMPARE(loaded->successions[0].oldAuthCertDer, m_set.successions[0].oldAuthCertDer);
        QCOMPARE(loaded->successions[0].issuerKeyId, m_set.successions[0].issuerKeyId);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("ocsp/auth/index.txt"))));
    }

    void loadRejectsAMissingDirectory()
    {
        auto loaded = DemoSet::loadFrom(QStringLiteral("/nonexistent/demo"));
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, madoguchi::core::Errc::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestDemoSet)
#include "TestDemoSet.moc"
