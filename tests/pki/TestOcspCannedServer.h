#pragma once

#include <QByteArray>
#include <QTcpServer>
#include <QTcpSocket>

// A fake responder on 127.0.0.1: answers every request with one canned HTTP response (a replayed
// OCSP response, an HTTP error), or, with an empty response, accepts and never answers.
class TestOcspCannedServer final : public QTcpServer
{
public:
    explicit TestOcspCannedServer(QByteArray httpResponse) : m_response(std::move(httpResponse))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                ++m_connections;
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    socket->readAll();
                    if (!m_response.isEmpty() && socket->property("answered").isNull()) {
                        socket->setProperty("answered", true);
                        socket->write(m_response);
                        socket->disconnectFromHost();
                    }
                });
            }
        });
    }

    [[nodiscard]] static QByteArray ocspHttp(const QByteArray& body, const QByteArray& status = "200 OK")
    {
        return "HTTP/1.0 " + status +
               "\r\nContent-Type: application/ocsp-response\r\nContent-Length: " + QByteArray::number(body.size()) +
               "\r\nConnection: close\r\n\r\n" + body;
    }
    [[nodiscard]] QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }
    [[nodiscard]] int connections() const { return m_connections; }

private:
    QByteArray m_response;
    int m_connections = 0;
};
