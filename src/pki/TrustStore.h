#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace madoguchi::pki {

enum class TrustMode
{
    Production, // J-LIS roots and administrator-installed anchors only
    Training,   // also test roots (the demo set's TEST PKI): the GUI shows a "TEST PKI" banner
};

enum class AnchorOrigin
{
    BuiltIn,   // embedded J-LIS root (resources/trust)
    Installed, // added by an administrator from a file (e.g. the 2019 generation)
    Test,      // a TEST PKI root, only in TrustMode::Training
};

struct TrustAnchor
{
    QByteArray certDer;
    QByteArray keyId; // subjectKeyIdentifier, or SHA-1 of the public key when absent
    QString subject;  // RFC 4514
    AnchorOrigin origin = AnchorOrigin::BuiltIn;
    bool isTest = false; // O=JPKI TEST / OU=TEST in the DN, or added as a test root
};

// The trust anchors of both JPKI hierarchies (architecture.md §5). Every generation of a hierarchy
// has the same DN (jpki-card.md §5), so anchors are found by key identifier, never by name.
// Not thread-safe: it is changed on the GUI thread only; the card thread works on a copy
// (CardReaderService::readCard), so an anchor installed meanwhile never reallocates under a reader.
class TrustStore final
{
public:
    // The embedded J-LIS roots plus the anchors persisted at installedAnchorsPath (may be empty or
    // not exist yet). A TEST anchor found in that file is refused in Production mode.
    [[nodiscard]] static core::Result<TrustStore> load(TrustMode mode, const QString& installedAnchorsPath = {});

    [[nodiscard]] TrustMode mode() const { return m_mode; }
    [[nodiscard]] const std::vector<TrustAnchor>& anchors() const { return m_anchors; }
    [[nodiscard]] const TrustAnchor* findByKeyId(QByteArrayView keyId) const;
    // True when a test root is trusted: the GUI must show a "TEST PKI" banner.
    [[nodiscard]] bool isTestPkiTrusted() const;

    // Training mode only: trust a TEST PKI root for this session (not persisted).
    [[nodiscard]] core::Result<void> addTestAnchor(const QByteArray& certDer);
    // An administrator's action: every certificate in file (PEM, several allowed, or one DER) must be
    // a self-signed CA certificate; they are trusted and appended to installedAnchorsPath.
    [[nodiscard]] core::Result<int> installAnchorsFromFile(const QString& file);

    // The embedded roots' PEM bytes, for tests and `cert` commands.
    [[nodiscard]] static std::vector<QByteArray> builtInRootsPem();

private:
    TrustStore(TrustMode mode, QString installedPath) : m_mode(mode), m_installedPath(std::move(installedPath)) {}
    [[nodiscard]] core::Result<void> add(const QByteArray& der, AnchorOrigin origin);

    TrustMode m_mode;
    QString m_installedPath;
    std::vector<TrustAnchor> m_anchors;
};

} // namespace madoguchi::pki
