#pragma once

#include "core/Clock.h"
#include "pki/RevocationPolicy.h"
#include "pki/RevocationVerdict.h"
#include "services/CardSummary.h"

#include <QString>
#include <QUrl>

#include <memory>

namespace madoguchi::pki {
class RevocationService;
class RevocationSource;
class OcspCache;
} // namespace madoguchi::pki

namespace madoguchi::services {

class CrlOverview;

// The live card's revocation verdict (issue 3 items 6 and 9): a pki::RevocationService over the CRL
// cache (CrlOverview), OCSP when a responder is configured and, once AppContext attaches it, the
// platform's feed — in the policy's order, failing closed ("unknown" is never "good",
// architecture.md §5). check() may block on OCSP: CardReaderService runs it on its worker thread.
class CardRevocationChecker final
{
public:
    // From the [revocation] group of the machine's INI file (docs: "Revocation settings"):
    //   order = crl-first | ocsp-first   (default crl-first: the local CRL answers in microseconds)
    //   ocspUrl = http://…               (empty: no OCSP; J-LIS gives it to registered verifiers only)
    //   fallback = true, maxCrlAgeHours = 36, requireFresh = true, ocspTimeoutMs = 10000
    struct Settings
    {
        pki::RevocationPolicy policy;
        QUrl ocspUrl;
        int ocspTimeoutMs = 10'000;

        [[nodiscard]] static Settings fromIni(const QString& iniPath);
    };

    CardRevocationChecker(const CrlOverview& crls, const core::Clock& clock, Settings settings);
    ~CardRevocationChecker();
    CardRevocationChecker(const CardRevocationChecker&) = delete;
    CardRevocationChecker& operator=(const CardRevocationChecker&) = delete;

    // The platform's feed as the last source (pki::RevocationService::setPlatformFeed); not owned,
    // nullptr removes it. Thread-safe: a running check keeps the sources it started with.
    void setPlatformFeed(pki::RevocationSource* feed);

    // Blocks while a source does (OCSP): worker thread only, one check at a time.
    [[nodiscard]] CardSummary::Revocation check(const CardSummary& card);
    // Thread-safe: the running check answers "unknown" soon.
    void cancel();

    // The service's verdict as the card view shows it, with its provenance and age at `now`.
    [[nodiscard]] static CardSummary::Revocation fromVerdict(const pki::RevocationVerdict& verdict,
                                                             const QDateTime& now);

private:
    class CrlIndexAdapter;

    void describeStaleCrl(CardSummary::Revocation& verdict, const CardSummary& card) const;

    const CrlOverview& m_crls;
    const core::Clock& m_clock;
    Settings m_settings;
    std::unique_ptr<CrlIndexAdapter> m_index;
    std::unique_ptr<pki::RevocationSource> m_crlSource;
    std::unique_ptr<pki::OcspCache> m_ocspCache; // answers kept to their nextUpdate (RFC 6960 §4.2.2.1)
    std::unique_ptr<pki::RevocationSource> m_ocspSource;
    std::unique_ptr<pki::RevocationService> m_service;
};

} // namespace madoguchi::services
