#include "platformd/HttpMessage.h"

namespace madoguchi::platformd {

namespace {

// The statuses the API and the transport answer with (RFC 9110 §15).
const char* reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

void append(std::string& text, const QByteArray& bytes)
{
    text.append(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

} // namespace

HttpResponse HttpResponse::transportError(int status, const char* code, const char* message)
{
    HttpResponse response;
    response.status = status;
    response.body = QByteArrayLiteral("{\"error\":{\"code\":\"") + code + QByteArrayLiteral("\",\"message\":\"") +
                    message + QByteArrayLiteral("\"}}");
    response.closeConnection = true;
    return response;
}

std::string HttpResponse::wireText(bool keepAlive, bool http10) const
{
    std::string text;
    text.reserve(static_cast<std::size_t>(160 + body.size()));
    text.append(http10 ? "HTTP/1.0 " : "HTTP/1.1 ").append(std::to_string(status)).append(" ");
    text.append(reasonPhrase(status)).append("\r\nServer: madoguchi-platformd\r\nContent-Type: ");
    append(text, contentType);
    for (const auto& [name, value] : headers) {
        text.append("\r\n");
        append(text, name);
        text.append(": ");
        append(text, value);
    }
    text.append("\r\nContent-Length: ").append(std::to_string(body.size()));
    if (!keepAlive) {
        text.append("\r\nConnection: close");
    } else if (http10) {
        text.append("\r\nConnection: keep-alive");
    }
    text.append("\r\n\r\n");
    append(text, body);
    return text;
}

} // namespace madoguchi::platformd
