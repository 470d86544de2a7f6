#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <string>

namespace madoguchi::platformd {

// Who is on the other end of a mutual-TLS connection (architecture.md §7): taken from the verified
// client certificate after the handshake. Empty certDer: the client sent no certificate (only the
// health and registration endpoints accept that).
struct PeerIdentity
{
    QByteArray certDer;
    QString commonName;         // the terminal id
    QString organizationalUnit; // "terminal" or "admin"
    QString serialHex;

    [[nodiscard]] bool hasCertificate() const { return !certDer.isEmpty(); }
    [[nodiscard]] bool isAdmin() const { return hasCertificate() && organizationalUnit == QStringLiteral("admin"); }
    [[nodiscard]] bool isTerminal() const
    {
        return hasCertificate() && organizationalUnit == QStringLiteral("terminal");
    }
};

// One HTTP/1.1 request as the API sees it: no Beast types leave HttpsServer.cpp (compile time).
struct HttpRequest
{
    QByteArray method;                            // "GET", "POST", …
    QString path;                                 // "/v1/health"
    QString query;                                // without '?'
    QList<QPair<QByteArray, QByteArray>> headers; // names lower case
    QByteArray body;
    PeerIdentity peer;

    [[nodiscard]] QByteArray header(const QByteArray& lowerName) const
    {
        for (const auto& [name, value] : headers) {
            if (name == lowerName) {
                return value;
            }
        }
        return {};
    }
};

struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QPair<QByteArray, QByteArray>> headers;
    bool closeConnection = false;

    // A transport-level refusal, before the API sees the request: same JSON error shape as the API's.
    [[nodiscard]] static HttpResponse transportError(int status, const char* code, const char* message);
    // Status line, headers and body in one buffer (RFC 9112 §4, §6): sent as one TLS record.
    [[nodiscard]] std::string wireText(bool keepAlive, bool http10) const;
};

} // namespace madoguchi::platformd
