// Where the platform vault's key comes from (issue 4 item 4): the training counter's TEST key, or
// vault.pem beside the terminal certificate; without either, no credit card can be sealed.
#include "core/SecureBytes.h"
#include "pki/DemoSet.h"
#include "pki/OpenSsl.h"
#include "services/VaultSealer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace madoguchi;

class TestVaultSealer final : public QObject
{
    Q_OBJECT

    std::optional<pki::DemoSet> m_demo;
    QTemporaryDir m_dir;

    QByteArray privatePem() const
    {
        auto key = pki::ossl::privateKeyFromPkcs8Der(m_demo->signOcspSignerKeyPkcs8Der);
        return key ? pki::ossl::privateKeyToPem(key->get()).value_or(QByteArray()) : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto demo = pki::makeDemoSet();
        QVERIFY(demo);
        m_demo = std::move(*demo);
    }

    void trainingSealsToTheDemoKey()
    {
        auto sealer = services::loadVaultSealer(&*m_demo, QString());
        QVERIFY(sealer);
        const QByteArray pan("4111111111111111");
        auto sealed = sealer->seal(core::SecureBytes(QByteArrayView(pan)));
        QVERIFY(sealed);
        QVERIFY(!sealed->contains(pan));
        auto opened = services::PanSealer::open(privatePem(), *sealed);
        QVERIFY(opened);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(opened->data()), qsizetype(opened->size())), pan);
    }

    void officeReadsVaultPemBesideTheTerminalCertificate()
    {
        const QString certificate = m_dir.filePath(QStringLiteral("terminal.pem"));
        QVERIFY(!services::loadVaultSealer(nullptr, certificate)); // no vault.pem yet
        QVERIFY(!services::loadVaultSealer(nullptr, QString()));   // no terminal at all
        auto key = pki::ossl::privateKeyFromPkcs8Der(m_demo->signOcspSignerKeyPkcs8Der);
        QVERIFY(key);
        QFile vault(m_dir.filePath(QStringLiteral("vault.pem")));
        QVERIFY(vault.open(QIODevice::WriteOnly));
        vault.write(*pki::ossl::publicKeyToPem(key->get()));
        vault.close();
        QVERIFY(services::loadVaultSealer(nullptr, certificate));
    }
};

QTEST_GUILESS_MAIN(TestVaultSealer)
#include "TestVaultSealer.moc"
