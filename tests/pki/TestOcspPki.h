#pragma once

#include <QByteArray>
#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

// A throw-away CA for the OCSP tests, made with `openssl` command lines in a temporary directory
// (toolchain.md, OpenSSL 3.0), and a real `openssl ocsp` responder over it.
//
//   ca            self-signed, C=JP/O=JPKI/OU=Madoguchi Test CA
//   good          serial 1001, in the index as valid
//   unknown       serial 1003, not in the index
//   revoked<N>    serial 10<N+10>, revoked with reasonCode N (1, 3, 4, 5; 0 = unspecified)
//   signer        serial 2001, issued by the CA, id-kp-OCSPSigning
//   noEkuSigner   serial 2002, issued by the CA, no EKU
//   rogueCa       self-signed with the CA's very DN (every JPKI generation shares one, jpki-card.md §5)
//   rogueSigner   issued by rogueCa, id-kp-OCSPSigning
class TestOcspPki final
{
public:
    explicit TestOcspPki(QString directory);

    // Creates keys, certificates and index.txt; false with errorString() on failure.
    [[nodiscard]] bool generate();
    [[nodiscard]] QString errorString() const { return m_error; }

    [[nodiscard]] QByteArray der(const QString& name) const { return m_der.value(name); }
    [[nodiscard]] QString pem(const QString& name) const
    {
        return m_dir + QLatin1Char('/') + name + QStringLiteral(".pem");
    }
    [[nodiscard]] QString key(const QString& name) const
    {
        return m_dir + QLatin1Char('/') + name + QStringLiteral(".key");
    }
    [[nodiscard]] QString indexPath() const { return m_dir + QStringLiteral("/index.txt"); }
    [[nodiscard]] const QString& directory() const { return m_dir; }

private:
    bool run(const QStringList& args);
    bool makeKey(const QString& name);
    bool makeSelfSigned(const QString& name, const QString& keyName);
    bool issue(const QString& name, const QString& keyName, const QString& caName, const QString& serialHex,
               const QString& extensions);
    bool writeIndex();

    QString m_dir;
    QString m_error;
    QHash<QString, QByteArray> m_der;
};

// `openssl ocsp -port N` over a TestOcspPki; stopped (SIGTERM) on destruction.
class TestOcspResponder final
{
public:
    explicit TestOcspResponder(const TestOcspPki& pki);
    ~TestOcspResponder();
    TestOcspResponder(const TestOcspResponder&) = delete;
    TestOcspResponder& operator=(const TestOcspResponder&) = delete;

    // Starts on a free port with the given signer cert/key names and waits (bounded, on connect
    // attempts, no sleeps) until it accepts connections.
    [[nodiscard]] bool start(const QString& signer, const QString& signerKey, const QStringList& extraArgs = {});
    void stop();
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString url() const;
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    const TestOcspPki& m_pki;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_error;
};

// A port where nothing listens right now.
[[nodiscard]] quint16 freeLocalPort();
