#include "cli/CliIo.h"

#include <QJsonDocument>

#include <cstdio>

namespace madoguchi::cli {

CliIo::CliIo(QStringList args, bool json) : m_args(std::move(args)), m_json(json), m_out(stdout), m_err(stderr) {}

void CliIo::printJson(const QJsonObject& object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    m_out.flush();
}

int CliIo::reportError(const core::Error& error)
{
    if (m_json) {
        printJson(QJsonObject{{QStringLiteral("ok"), false},
                              {QStringLiteral("error"), core::errcName(error.code)},
                              {QStringLiteral("detail"), error.detail},
                              {QStringLiteral("nativeCode"), static_cast<double>(error.nativeCode)}});
    } else {
        m_err << "error: " << error.toString() << Qt::endl;
    }
    return exitCodeFor(error);
}

int CliIo::usageError(const QString& message)
{
    m_err << "usage error: " << message << Qt::endl;
    return ExitUsage;
}

int exitCodeFor(const core::Error& error)
{
    using core::ErrorDomain;
    switch (error.domain()) {
    case ErrorDomain::Pcsc:
        return ExitPcsc;
    case ErrorDomain::Card:
        return ExitCard;
    case ErrorDomain::Pin:
        return ExitPin;
    case ErrorDomain::Parse:
        return ExitParse;
    case ErrorDomain::Pki:
    case ErrorDomain::Crypto:
        return ExitPki;
    case ErrorDomain::Store:
        return ExitStore;
    case ErrorDomain::Network:
        return ExitNetwork;
    case ErrorDomain::General:
        break;
    }
    return error.code == core::Errc::InvalidArgument ? ExitUsage : ExitFailure;
}

} // namespace madoguchi::cli
