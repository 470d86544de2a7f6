#include "WrkRunner.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <cstdio>

namespace madoguchi::bench {

WrkResult runWrk(const WrkOptions& options, const char* script, const QStringList& scriptArgs)
{
    const QString certPath = options.workDirectory + QStringLiteral("/wrk-client.pem");
    const QString keyPath = options.workDirectory + QStringLiteral("/wrk-client.key");
    for (const auto& [path, data] : {std::pair{certPath, options.certPem}, std::pair{keyPath, options.keyPem}}) {
        QFile f(path);
        if (f.open(QIODevice::WriteOnly)) {
            f.write(data);
        }
    }
    QProcess wrk;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(MADOGUCHI_WRK_SHIM));
    environment.insert(QStringLiteral("WRK_CLIENT_CERT"), certPath);
    environment.insert(QStringLiteral("WRK_CLIENT_KEY"), keyPath);
    environment.insert(QStringLiteral("WRK_SCRIPT_DIR"), QStringLiteral(MADOGUCHI_WRK_SCRIPTS));
    wrk.setProcessEnvironment(environment);
    const QStringList args{QStringLiteral("-t%1").arg(options.threads),
                           QStringLiteral("-c%1").arg(options.connections),
                           QStringLiteral("-d%1s").arg(static_cast<int>(options.seconds)),
                           QStringLiteral("-s"),
                           QStringLiteral(MADOGUCHI_WRK_SCRIPTS "/%1").arg(QLatin1String(script)),
                           QStringLiteral("https://127.0.0.1:%1").arg(options.port),
                           QStringLiteral("--")};
    wrk.start(QStringLiteral("wrk"), args + scriptArgs);
    wrk.waitForFinished(-1);
    const QString out = QString::fromLocal8Bit(wrk.readAllStandardOutput());
    const auto m = QRegularExpression(QStringLiteral("WRK_RESULT ([0-9.]+) ([0-9]+) ([0-9]+) ([0-9]+)")).match(out);
    if (!m.hasMatch()) {
        std::fprintf(stderr, "wrk: %s\n%s\n", qUtf8Printable(out), wrk.readAllStandardError().constData());
        return {};
    }
    return WrkResult{m.captured(1).toDouble(), m.captured(2).toDouble() / 1000.0, m.captured(3).toDouble() / 1000.0,
                     m.captured(4).toLongLong()};
}

} // namespace madoguchi::bench
