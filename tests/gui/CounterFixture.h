#pragma once

// Shared set-up for the counter pages' GUI tests: the demo set, a training reader with its card
// service, and a fresh encrypted, migrated registry in a temp dir with a PAN sealer whose key pair
// stands in for the platform's (the terminal only ever holds the public half).
#include "card/SharedReaderBackend.h"
#include "core/Clock.h"
#include "pki/DemoSet.h"
#include "pki/TrustStore.h"
#include "services/CardReaderService.h"
#include "services/LinkageService.h"
#include "services/PanSealer.h"
#include "sim/TrainingBackend.h"
#include "store/Database.h"
#include "store/Migrator.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>
#include <optional>

namespace madoguchi::test {

inline std::pair<QByteArray, QByteArray> platformTestKeyPair()
{
    EVP_PKEY* key = EVP_RSA_gen(2048);
    BIO* pub = BIO_new(BIO_s_mem());
    BIO* priv = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(pub, key);
    PEM_write_bio_PrivateKey(priv, key, nullptr, nullptr, 0, nullptr, nullptr);
    const auto read = [](BIO* bio) {
        char* data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        return QByteArray(data, static_cast<qsizetype>(size));
    };
    std::pair<QByteArray, QByteArray> pair{read(pub), read(priv)};
    BIO_free(pub);
    BIO_free(priv);
    EVP_PKEY_free(key);
    return pair;
}

inline core::SecureBytes registryTestKey()
{
    core::SecureBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i) {
        key[i] = static_cast<std::uint8_t>(0x20 + i);
    }
    return key;
}

// Built once per test case (initTestCase): the expensive parts (demo set, RSA key).
struct CounterWorld
{
    std::unique_ptr<pki::DemoSet> demo;
    std::unique_ptr<pki::TrustStore> trust;
    std::unique_ptr<core::FixedClock> clock;
    std::pair<QByteArray, QByteArray> platformKeys;

    [[nodiscard]] bool build()
    {
        auto set = pki::makeDemoSet();
        auto store = pki::TrustStore::load(pki::TrustMode::Training);
        if (!set || !store) {
            return false;
        }
        demo = std::make_unique<pki::DemoSet>(std::move(*set));
        trust = std::make_unique<pki::TrustStore>(std::move(*store));
        if (!trust->addTestAnchor(demo->authCaCertDer) || !trust->addTestAnchor(demo->signCaCertDer)) {
            return false;
        }
        clock = std::make_unique<core::FixedClock>(demo->now);
        platformKeys = platformTestKeyPair();
        return true;
    }
};

// Built per test function (init): reader, card service, registry.
struct CounterRig
{
    QTemporaryDir dir;
    std::shared_ptr<sim::TrainingBackend> backend = std::make_shared<sim::TrainingBackend>();
    std::unique_ptr<services::CardReaderService> cards;
    std::optional<store::Database> db;
    std::optional<services::PanSealer> sealer;
    std::unique_ptr<services::LinkageService> linkages;

    [[nodiscard]] bool build(const CounterWorld& world, bool startReader = true)
    {
        cards = std::make_unique<services::CardReaderService>(
            [b = backend]() { return std::make_unique<card::SharedReaderBackend>(b); }, *world.trust, *world.clock);
        auto opened = store::Database::open(dir.filePath(QStringLiteral("registry.db")), registryTestKey(),
                                            store::Database::Mode::CreateIfMissing);
        if (!opened || !store::Migrator::migrate(*opened)) {
            return false;
        }
        db = std::move(*opened);
        auto pan = services::PanSealer::fromPublicKeyPem(world.platformKeys.first);
        if (!pan) {
            return false;
        }
        sealer = std::move(*pan);
        linkages = std::make_unique<services::LinkageService>(*db, *world.clock, QStringLiteral("T1"), &*sealer);
        if (startReader) {
            QSignalSpy readers(cards.get(), &services::CardReaderService::readersChanged);
            cards->start();
            return readers.wait(5000);
        }
        return true;
    }
};

} // namespace madoguchi::test
