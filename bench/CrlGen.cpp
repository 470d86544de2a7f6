// CrlGen — writes a family of synthetic CRLs from one throw-away CA, for the CLI, manual tests and the
// fuzz seed corpus:  CrlGen --out DIR [--entries N] [--ecdsa]
//   ca.pem        the CA certificate
//   base.crl      N random entries (reasons 1,3,4,5,6), CRL #1
//   next.crl      CRL #2: the first 10 entries dropped, 5 holds turned into keyCompromise, 10 new ones
//   delta.crl     delta CRL #2 over base #1: removeFromCRL for one hold, 3 new entries
//   stale.crl     like base, nextUpdate in the past
//   other-ca.crl  same DN, another key (must be refused)
// CrlGen --seeds DIR   writes the small seed CRLs of fuzz/corpus/crl instead.
#include "pki/CrlGenerator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace madoguchi::pki;

namespace {

// A handful of small CRLs covering each branch of the walker: the fuzz seed corpus (fuzz/corpus/crl).
int writeSeeds(const QString& dir)
{
    auto rsa = CrlGenerator::create(QStringLiteral("Seed CA"));
    auto ec = CrlGenerator::create(QStringLiteral("Seed EC CA"), true);
    if (!rsa || !ec || !QDir().mkpath(dir)) {
        return 1;
    }
    std::vector<std::pair<const char*, CrlGenerator::Spec>> specs;
    CrlGenerator::Spec empty;
    specs.push_back({"empty", empty});
    CrlGenerator::Spec three;
    three.randomEntries = 3;
    specs.push_back({"three", three});
    CrlGenerator::Spec odd;
    odd.entries = {
        {QByteArray::fromHex("01"), CrlReason::NotGiven, 0},
        {QByteArray::fromHex("ff00112233445566778899aabbccddeeff001122"), CrlReason::Unspecified, 1767000000},
        {QByteArray::fromHex("7f"), CrlReason::AaCompromise, 2556144000}};
    odd.nextUpdate.reset();
    specs.push_back({"odd", odd});
    CrlGenerator::Spec delta;
    delta.deltaBase = 1;
    delta.crlNumber = 2;
    delta.entries = {{QByteArray::fromHex("42"), CrlReason::RemoveFromCrl, 1767225000}};
    delta.issuingDistributionPoint = QByteArray::fromHex("3003810100"); // onlyContainsUserCerts FALSE
    specs.push_back({"delta", delta});
    int written = 0;
    for (const auto& [name, spec] : specs) {
        const bool ok =
            rsa->generateToFile(spec, dir + QStringLiteral("/%1.der").arg(QString::fromLatin1(name))).has_value();
        written += ok;
    }
    written += ec->generateToFile(three, dir + QStringLiteral("/ecdsa.der")).has_value();
    return written == 5 ? 0 : 1;
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc == 3 && !std::strcmp(argv[1], "--seeds")) {
        return writeSeeds(QString::fromLocal8Bit(argv[2]));
    }
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
