// OCSP client against a real `openssl ocsp` responder (RFC 6960), plus fake responders for the
// failure modes a real one will not produce on demand. Labelled integration.

#include "TestOcspCannedServer.h"
#include "TestOcspPki.h"

#include "core/Clock.h"
#include "pki/OcspCache.h"
#include "pki/OcspCheck.h"
#include "pki/OcspClient.h"
#include "pki/OcspRequestBuilder.h"
#include "pki/OcspResponseVerifier.h"
#include "pki/OcspSource.h"

#include <QSignalSpy>
#include <QThread>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace madoguchi;
using namespace madoguchi::pki;
using core::Errc;

class TestOcspClient final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestOcspPki> m_pki;
    std::unique_ptr<TestOcspResponder> m_responder; // delegated signer, shared by the plain cases
    core::SystemClock m_systemClock;

    RevocationQuery query(const QString& cert, const QString& url) const
    {
        return RevocationQuery{m_pki->der(cert), m_pki->der(QStringLiteral("ca")), CertKind::Auth, QUrl(url)};
    }

    // Runs one check to its finished() signal; raw, if given, receives the response bytes.
    static core::Result<RevocationStatus> run(OcspClient& client, const RevocationQuery& q, QByteArray* raw = nullptr)
    {
        std::unique_ptr<OcspCheck> check(client.check(q));
        QSignalSpy spy(check.get(), &OcspCheck::finished);
        if (!spy.wait(20'000)) {
            return core::fail(Errc::Internal, QStringLiteral("test: finished() never came"));
        }
        if (raw != nullptr) {
            *raw = check->responseDer();
        }
        return check->result();
    }

    core::Result<RevocationStatus> runOnce(const QString& cert, const QString& url, OcspClientOptions options = {},
                                           QByteArray* raw = nullptr)
    {
        OcspClient client(m_systemClock, nullptr, std::move(options));
        return run(client, query(cert, url), raw);
    }

    static QString describe(const core::Result<RevocationStatus>& r)
    {
        return r ? certStatusName(r->status) : r.error().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pki = std::make_unique<TestOcspPki>(m_dir.path());
        QVERIFY2(m_pki->generate(), qPrintable(m_pki->errorString()));
        m_responder = std::make_unique<TestOcspResponder>(*m_pki);
        QVERIFY2(m_responder->start(QStringLiteral("signer"), QStringLiteral("signer")),
                 qPrintable(m_responder->errorString()));
    }

    void good()
    {
        const auto result = runOnce(QStringLiteral("good"), m_responder->url());
        QVERIFY2(result, qPrintable(describe(result)));
        QCOMPARE(result->status, CertStatus::Good);
        QCOMPARE(result->source, RevocationSourceKind::Ocsp);
        QCOMPARE(result->sourceName, m_responder->url());
        QVERIFY(result->producedAt.isValid());
        QVERIFY(result->nextUpdate > result->thisUpdate);
        QVERIFY(!result->fromCache);
        QVERIFY(result->checks.contains(QStringLiteral("nonce matches")));
        QVERIFY(result->checks.contains(QStringLiteral("CertID matches")));
        QVERIFY(result->checks.join(QLatin1Char('\n')).contains(QStringLiteral("delegated responder")));
    }

    void revokedWithReason_data()
    {
        QTest::addColumn<QString>("cert");
        QTest::addColumn<int>("reason");
        QTest::newRow("unspecified") << QStringLiteral("revoked0") << 0;
        QTest::newRow("keyCompromise") << QStringLiteral("revoked1") << 1;
        QTest::newRow("affiliationChanged") << QStringLiteral("revoked3") << 3;
        QTest::newRow("superseded") << QStringLiteral("revoked4") << 4;
        QTest::newRow("cessationOfOperation") << QStringLiteral("revoked5") << 5;
    }

    void revokedWithReason()
    {
        QFETCH(QString, cert);
        QFETCH(int, reason);
        const auto result = runOnce(cert, m_responder->url());
        QVERIFY2(result, qPrintable(describe(result)));
        QCOMPARE(result->status, CertStatus::Revoked);
        QCOMPARE(result->reasonCode.value_or(0), reason);
        QCOMPARE(result->revocationTime, QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC));
    }

    void unknown()
    {
        const auto result = runOnce(QStringLiteral("unknown"), m_responder->url());
        QVERIFY2(result, qPrintable(describe(result)));
        QCOMPARE(result->status, CertStatus::Unknown);
    }

    void signedByTheCaItself()
    {
        TestOcspResponder responder(*m_pki);
        QVERIFY2(responder.start(QStringLiteral("ca"), QStringLiteral("ca")), qPrintable(responder.errorString()));
        const auto result = runOnce(QStringLiteral("good"), responder.url());
        QVERIFY2(result, qPrintable(describe(result)));
        QCOMPARE(result->status, CertStatus::Good);
        QVERIFY(result->checks.contains(QStringLiteral("signed by the issuing CA itself")));
    }

    void responderDown()
    {
        const quint16 port = freeLocalPort();
        const auto result = runOnce(QStringLiteral("good"), QStringLiteral("http://127.0.0.1:%1").arg(port));
        QVERIFY(!result);
        QCOMPARE(result.error().code, Errc::ConnectionRefused);
    }

    void slowResponderTimesOut()
    {
        TestOcspCannedServer silent({});
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        OcspClientOptions options;
        options.timeoutMs = 300;
        const auto result = runOnce(QStringLiteral("good"), silent.url(), options);
        QVERIFY(!result);
        QCOMPARE(result.error().code, Errc::Timeout);
        QCOMPARE(silent.connections(), 1);
    }

    void cancelStopsTheExchange()
    {
        TestOcspCannedServer silent({});
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        OcspClient client(m_systemClock, nullptr, {});
        std::unique_ptr<OcspCheck> check(client.check(query(QStringLiteral("good"), silent.url())));
        QSignalSpy finished(check.get(), &OcspCheck::finished);
        QTRY_COMPARE_WITH_TIMEOUT(silent.connections(), 1, 10'000);
        check->cancel();
        QVERIFY(finished.count() == 1 || finished.wait(10'000));
        QCOMPARE(check->result().error().code, Errc::Cancelled);
        QCOMPARE(finished.count(), 1);
    }

    void lyingResponderReplaysAnOldAnswer()
    {
        QByteArray captured;
        const auto first = runOnce(QStringLiteral("good"), m_responder->url(), {}, &captured);
        QVERIFY2(first, qPrintable(describe(first)));
        TestOcspCannedServer liar(TestOcspCannedServer::ocspHttp(captured));
        QVERIFY(liar.listen(QHostAddress::LocalHost, 0));
        const auto replayed = runOnce(QStringLiteral("good"), liar.url());
        QVERIFY(!replayed);
        QCOMPARE(replayed.error().code, Errc::OcspNonceMismatch);
    }

    // Answers that are not a usable OCSP response, each with its own error.
    void brokenAnswers_data()
    {
        QTest::addColumn<QByteArray>("http");
        QTest::addColumn<int>("expected");
        QTest::addColumn<qint64>("nativeCode"); // -1: not compared
        using Server = TestOcspCannedServer;
        QTest::newRow("HTTP 500") << Server::ocspHttp("oops", "500 Internal Server Error")
                                  << static_cast<int>(Errc::NetworkFailure) << qint64(500);
        QTest::newRow("truncated DER") << Server::ocspHttp("\x30\x03\x0a\x01") << static_cast<int>(Errc::MalformedDer)
                                       << qint64(-1);
        // OCSPResponse { responseStatus tryLater(3) } (RFC 6960 §4.2.1)
        QTest::newRow("tryLater") << Server::ocspHttp(QByteArray("\x30\x03\x0a\x01\x03", 5))
                                  << static_cast<int>(Errc::OcspResponderError) << qint64(3);
        QTest::newRow("unauthorized") << Server::ocspHttp(QByteArray("\x30\x03\x0a\x01\x06", 5))
                                      << static_cast<int>(Errc::OcspResponderError) << qint64(6);
        QTest::newRow("wrong content type")
            << QByteArray("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\n\r\nhi")
            << static_cast<int>(Errc::MalformedInput) << qint64(-1);
        QTest::newRow("oversized") << Server::ocspHttp(QByteArray(400 * 1024, '\x30'))
                                   << static_cast<int>(Errc::MalformedInput) << qint64(-1);
    }

    void brokenAnswers()
    {
        QFETCH(QByteArray, http);
        QFETCH(int, expected);
        QFETCH(qint64, nativeCode);
        TestOcspCannedServer broken(http);
        QVERIFY(broken.listen(QHostAddress::LocalHost, 0));
        const auto result = runOnce(QStringLiteral("good"), broken.url());
        QVERIFY2(!result, qPrintable(describe(result)));
        QCOMPARE(static_cast<int>(result.error().code), expected);
        if (nativeCode >= 0) {
            QCOMPARE(result.error().nativeCode, nativeCode);
        }
    }

    void untrustedSigner_data()
    {
        QTest::addColumn<QString>("signer");
        QTest::addColumn<QStringList>("extraArgs");
        QTest::addColumn<bool>("configureSigner");
        QTest::addColumn<int>("expected");
        const int untrusted = static_cast<int>(Errc::OcspUntrustedSigner);
        QTest::newRow("issued by another CA with the same DN")
            << QStringLiteral("rogueSigner") << QStringList{} << false << untrusted;
        QTest::newRow("issued by the CA without id-kp-OCSPSigning")
            << QStringLiteral("noEkuSigner") << QStringList{} << false << untrusted;
        QTest::newRow("no certificate sent, none configured")
            << QStringLiteral("signer") << QStringList{QStringLiteral("-resp_no_certs")} << false << untrusted;
        QTest::newRow("no certificate sent, rogue one configured")
            << QStringLiteral("rogueSigner") << QStringList{QStringLiteral("-resp_no_certs")} << true << untrusted;
        QTest::newRow("no certificate sent, signer configured")
            << QStringLiteral("signer") << QStringList{QStringLiteral("-resp_no_certs")} << true << -1;
    }

    void untrustedSigner()
    {
        QFETCH(QString, signer);
        QFETCH(QStringList, extraArgs);
        QFETCH(bool, configureSigner);
        QFETCH(int, expected);
        TestOcspResponder responder(*m_pki);
        QVERIFY2(responder.start(signer, signer, extraArgs), qPrintable(responder.errorString()));
        OcspClientOptions options;
        if (configureSigner) {
            options.signerCandidates = {m_pki->der(signer)};
        }
        const auto result = runOnce(QStringLiteral("good"), responder.url(), options);
        if (expected < 0) {
            QVERIFY2(result, qPrintable(describe(result)));
            QCOMPARE(result->status, CertStatus::Good);
        } else {
            QVERIFY2(!result, qPrintable(describe(result)));
            QCOMPARE(static_cast<int>(result.error().code), expected);
        }
    }

    void cacheHitUntilNextUpdate()
    {
        TestOcspResponder responder(*m_pki);
        QVERIFY2(responder.start(QStringLiteral("signer"), QStringLiteral("signer")),
                 qPrintable(responder.errorString()));
        core::FixedClock clock(QDateTime::currentDateTimeUtc());
        QTemporaryDir diskDir;
        OcspCache cache(clock, diskDir.path());
        OcspClient client(clock, &cache, {});
        const RevocationQuery q = query(QStringLiteral("revoked1"), responder.url());

        const auto fresh = run(client, q);
        QVERIFY2(fresh, qPrintable(describe(fresh)));
        QVERIFY(!fresh->fromCache);
        responder.stop(); // from here on, any network attempt fails

        clock.advanceSeconds(59 * 60); // -nmin 60: still before nextUpdate
        const auto cached = run(client, q);
        QVERIFY2(cached, qPrintable(describe(cached)));
        QVERIFY(cached->fromCache);
        QCOMPARE(cached->status, CertStatus::Revoked);
        QCOMPARE(cached->reasonCode.value_or(-1), 1);

        cache.clearMemory(); // a restart: the disk copy is verified again and used
        const auto fromDisk = run(client, q);
        QVERIFY2(fromDisk, qPrintable(describe(fromDisk)));
        QVERIFY(fromDisk->fromCache);
        QCOMPARE(fromDisk->status, CertStatus::Revoked);

        clock.advanceSeconds(2 * 60); // past nextUpdate: the cache must not answer
        const auto expired = run(client, q);
        QVERIFY(!expired);
        QCOMPARE(expired.error().code, Errc::ConnectionRefused);
    }

    // A response captured once, then checked offline against altered expectations.
    void capturedResponseChecks_data()
    {
        QTest::addColumn<QString>("askedAbout");
        QTest::addColumn<qint64>("clockShiftSeconds");
        QTest::addColumn<bool>("flipLastByte");
        QTest::addColumn<int>("expected");
        QTest::newRow("untouched (control)") << QStringLiteral("good") << qint64(0) << false << -1;
        QTest::newRow("signature byte flipped")
            << QStringLiteral("good") << qint64(0) << true << static_cast<int>(Errc::OcspBadSignature);
        QTest::newRow("answer for another CertID")
            << QStringLiteral("revoked1") << qint64(0) << false << static_cast<int>(Errc::OcspCertIdMismatch);
        QTest::newRow("clock past nextUpdate")
            << QStringLiteral("good") << qint64(2 * 3600) << false << static_cast<int>(Errc::OcspStale);
        QTest::newRow("thisUpdate in the future")
            << QStringLiteral("good") << qint64(-3600) << false << static_cast<int>(Errc::OcspStale);
    }

    void capturedResponseChecks()
    {
        QFETCH(QString, askedAbout);
        QFETCH(qint64, clockShiftSeconds);
        QFETCH(bool, flipLastByte);
        QFETCH(int, expected);
        // Signed by the CA and without certificates, so the signature BIT STRING ends the DER.
        TestOcspResponder responder(*m_pki);
        QVERIFY2(responder.start(QStringLiteral("ca"), QStringLiteral("ca"), {QStringLiteral("-resp_no_certs")}),
                 qPrintable(responder.errorString()));
        QByteArray response;
        const auto live = runOnce(QStringLiteral("good"), responder.url(), {}, &response);
        QVERIFY2(live, qPrintable(describe(live)));
        if (flipLastByte) {
            response[response.size() - 1] = static_cast<char>(response.at(response.size() - 1) ^ 0x01);
        }
        core::FixedClock clock(QDateTime::currentDateTimeUtc().addSecs(clockShiftSeconds));
        const auto certId = OcspRequestBuilder::certIdFor(m_pki->der(askedAbout), m_pki->der(QStringLiteral("ca")));
        QVERIFY(certId);
        OcspExpectation expected_{m_pki->der(QStringLiteral("ca")), *certId, {}, {}, &clock, 300};
        const auto result = OcspResponseVerifier::verify(response, expected_);
        if (expected < 0) {
            QVERIFY2(result, qPrintable(describe(result)));
            QCOMPARE(result->status, CertStatus::Good);
        } else {
            QVERIFY2(!result, qPrintable(describe(result)));
            QCOMPARE(static_cast<int>(result.error().code), expected);
        }
    }

    void blockingSourceCancels()
    {
        TestOcspCannedServer silent({});
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        OcspSource source(m_systemClock, nullptr, {});
        // The request has reached the responder: cancel it, as a GUI's Cancel button would.
        connect(&silent, &QTcpServer::newConnection, this, [&source] { source.cancel(); });
        const auto result = source.statusOf(query(QStringLiteral("good"), silent.url()));
        QVERIFY(!result);
        QCOMPARE(result.error().code, Errc::Cancelled);
    }

    void blockingSourceRunsOnAWorkerThread()
    {
        OcspSource source(m_systemClock, nullptr, {});
        core::Result<RevocationStatus> result = core::fail(Errc::Internal, QStringLiteral("not run"));
        const RevocationQuery q = query(QStringLiteral("good"), m_responder->url());
        std::unique_ptr<QThread> worker(QThread::create([&] { result = source.statusOf(q); }));
        QSignalSpy done(worker.get(), &QThread::finished);
        worker->start();
        QVERIFY(done.wait(20'000));
        QVERIFY2(result, qPrintable(describe(result)));
        QCOMPARE(result->status, CertStatus::Good);
    }

    void blockingSourceAnswers()
    {
        OcspSource source(m_systemClock, nullptr, {});
        const auto result = source.statusOf(query(QStringLiteral("revoked4"), m_responder->url()));
        QVERIFY2(result, qPrintable(describe(result)));
        QCOMPARE(result->status, CertStatus::Revoked);
        QCOMPARE(result->reasonCode.value_or(-1), 4);
    }
};

QTEST_GUILESS_MAIN(TestOcspClient)
#include "TestOcspClient.moc"
