// CrlGen — writes a family of synthetic CRLs from one throw-away CA, for the CLI, manual tests and the
// fuzz seed corpus:  CrlGen --out DIR [--entries N] [--ecdsa]
//   ca.pem        the CA certificate
//   base.crl      N random entries (reasons 1,3,4,5,6), CRL #1
//   next.crl      CRL #2: the first 10 entries dropped, 5 holds turned into keyCompromise, 10 new ones
//   delta.crl     delta CRL #2 over base #1: removeFromCRL for one hold, 3 new entries
//   stale.crl     like base, nextUpdate in the past
//   other-ca.crl  same DN, another key (must be refused)
#include "pki/CrlGenerator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <cstdio>
#include <cstring>
#include <string>

using namespace madoguchi::pki;

int main(int argc, char* argv[])
{
    QString out;
    qint64 entries = 1000;
    bool ecdsa = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--out") && i + 1 < argc) {
            out = QString::fromLocal8Bit(argv[++i]);
        } else if (!std::strcmp(argv[i], "--entries") && i + 1 < argc) {
            entries = std::stoll(argv[++i]);
        } else if (!std::strcmp(argv[i], "--ecdsa")) {
            ecdsa = true;
        }
    }
    if (out.isEmpty() || entries < 20 || !QDir().mkpath(out)) {
        std::fprintf(stderr, "usage: CrlGen --out DIR [--entries N>=20] [--ecdsa]\n");
        return 2;
    }
    auto ca = CrlGenerator::create(QStringLiteral("JPKI Test CA"), ecdsa);
    auto other = CrlGenerator::create(QStringLiteral("JPKI Test CA"), ecdsa);
    if (!ca || !other) {
        return 1;
    }
    QFile pem(out + QStringLiteral("/ca.pem"));
    if (!pem.open(QIODevice::WriteOnly) || pem.write(ca->certificatePem()) < 0) {
        return 1;
    }
    pem.close();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    CrlGenerator::Spec base;
    base.randomEntries = entries;
    base.thisUpdate = now - 3600;
    base.nextUpdate = now + 86400;
    CrlGenerator::Spec next = base;
    next.crlNumber = 2;
    next.randomEntries = 0;
    int turned = 0;
    for (qint64 i = 10; i < entries; ++i) {
        auto e = CrlGenerator::randomEntry(base.seed, i, base.thisUpdate);
        if (e.reason == CrlReason::CertificateHold && turned < 5) {
            e.reason = CrlReason::KeyCompromise;
            ++turned;
        }
        next.entries.push_back(e);
    }
    for (qint64 i = 0; i < 10; ++i) {
        next.entries.push_back(CrlGenerator::randomEntry(77, i, now));
    }
    CrlGenerator::Spec delta;
    delta.thisUpdate = now - 60;
    delta.nextUpdate = now + 3600;
    delta.crlNumber = 2;
    delta.deltaBase = 1;
    for (qint64 i = 0; i < entries; ++i) {
        auto e = CrlGenerator::randomEntry(base.seed, i, base.thisUpdate);
        if (e.reason == CrlReason::CertificateHold) {
            delta.entries.push_back({e.serial, CrlReason::RemoveFromCrl, now - 60});
            break;
        }
    }
    for (qint64 i = 0; i < 3; ++i) {
        delta.entries.push_back(CrlGenerator::randomEntry(78, i, now));
    }
    CrlGenerator::Spec stale = base;
    stale.thisUpdate = now - 10 * 86400;
    stale.nextUpdate = now - 86400;
    bool ok = ca->generateToFile(base, out + QStringLiteral("/base.crl")).has_value();
    ok = ok && ca->generateToFile(next, out + QStringLiteral("/next.crl")).has_value();
    ok = ok && ca->generateToFile(delta, out + QStringLiteral("/delta.crl")).has_value();
    ok = ok && ca->generateToFile(stale, out + QStringLiteral("/stale.crl")).has_value();
    ok = ok && other->generateToFile(base, out + QStringLiteral("/other-ca.crl")).has_value();
    std::printf("%s\n", ok ? "written" : "failed");
    return ok ? 0 : 1;
}
