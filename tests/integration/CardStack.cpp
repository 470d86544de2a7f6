#include "CardStack.h"

#include <QDeadlineTimer>
#include <QDir>

namespace madoguchi::tests {

CardStack::CardStack(QString cacheRoot, QString cardsimExe, QString cliExe)
    : m_cacheRoot(std::move(cacheRoot)), m_cardsimExe(std::move(cardsimExe)), m_cliExe(std::move(cliExe))
{}

CardStack::~CardStack()
{
    stopCardSim();
    stopPcscd();
}

QString CardStack::demoDir() const
{
    // Where madoguchi-cli's CardSession::cachedDemoSet() looks with XDG_CACHE_HOME = m_cacheRoot
    // (QStandardPaths::CacheLocation = $XDG_CACHE_HOME/<organisation>/<application>).
    return m_cacheRoot + QStringLiteral("/Madoguchi/madoguchi-cli/demo-set");
}

QString CardStack::prepareDemoSet()
{
    if (QDir(demoDir()).exists()) {
        if (auto loaded = pki::DemoSet::loadFrom(demoDir())) {
            m_demoSet = std::move(*loaded);
            return {};
        }
    }
    auto made = pki::makeDemoSet();
    if (!made) {
        return made.error().toString();
    }
    if (auto saved = made->saveTo(demoDir()); !saved) {
        return saved.error().toString();
    }
    m_demoSet = std::move(*made);
    return {};
}

QString CardStack::startPcscd(quint16 port)
{
    stopPcscd();
    m_pcscd = std::make_unique<PcscdProcess>(port);
    return m_pcscd->start();
}

void CardStack::stopPcscd()
{
    if (m_pcscd) {
        m_pcscd->stop();
        m_pcscd.reset();
    }
}

QString CardStack::startCardSim(const QString& id, const QStringList& extra)
{
    stopCardSim();
    m_cardsim = std::make_unique<QProcess>();
    m_cardsimLines = std::make_unique<ProcessLines>(*m_cardsim);
    m_cardsim->start(m_cardsimExe, QStringList{QStringLiteral("--demo"), id, QStringLiteral("--demo-dir"), demoDir(),
                                               QStringLiteral("--port"), QString::number(m_pcscd->port())} +
                                       extra);
    if (!m_cardsimLines->waitFor("inserted", 20000)) {
        return QStringLiteral("madoguchi-cardsim did not insert: ") + QString::fromUtf8(m_cardsimLines->seen());
    }
    return {};
}

void CardStack::stopCardSim()
{
    if (!m_cardsim) {
        return;
    }
    if (m_cardsim->state() != QProcess::NotRunning) {
        m_cardsim->write("quit\n");
        m_cardsim->closeWriteChannel();
        if (!m_cardsim->waitForFinished(5000)) {
            m_cardsim->kill();
            m_cardsim->waitForFinished(5000);
        }
    }
    m_cardsimLines.reset();
    m_cardsim.reset();
}

bool CardStack::control(const QByteArray& line, const QByteArray& expectLine)
{
    m_cardsimLines->forget();
    m_cardsim->write(line + '\n');
    m_cardsim->waitForBytesWritten(5000);
    return expectLine.isEmpty() || m_cardsimLines->waitFor(expectLine);
}

qint64 CardStack::cardSimApduCount()
{
    if (!control("status", "apdu-count ") || !m_cardsimLines->waitFor("\n", 5000)) {
        return -1;
    }
    const QByteArray seen = m_cardsimLines->seen();
    const qsizetype at = seen.indexOf("apdu-count ");
    const qsizetype end = seen.indexOf('\n', at);
    if (end < 0) {
        return -1;
    }
    bool ok = false;
    const qint64 count = seen.mid(at + 11, end - at - 11).trimmed().toLongLong(&ok);
    return ok ? count : -1;
}

int CardStack::runCli(const QStringList& args, const QByteArray& stdinData, QByteArray* out, QByteArray* err)
{
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_cacheRoot);
    cli.setProcessEnvironment(env);
    cli.start(m_cliExe, args);
    cli.write(stdinData);
    cli.closeWriteChannel();
    if (!cli.waitForFinished(60000)) {
        cli.kill();
        cli.waitForFinished();
        return -1;
    }
    if (out) {
        *out = cli.readAllStandardOutput();
    }
    if (err) {
        *err = cli.readAllStandardError();
    }
    return cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
}

bool CardStack::waitForCard(card::ReaderBackend& backend, const QString& reader, bool present, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QList<card::ReaderState> known;
    if (auto states = backend.readers()) {
        known = *states;
    }
    for (;;) {
        for (const card::ReaderState& state : known) {
            if (state.name == reader && state.cardPresent == present) {
                return true;
            }
        }
        if (deadline.hasExpired()) {
            return false;
        }
        auto changed = backend.waitForChange(known, std::chrono::milliseconds(deadline.remainingTime()));
        if (changed) {
            known = *changed;
        } else {
            // The service may still be coming up: ask again (still bounded by the deadline).
            known = backend.readers().value_or(QList<card::ReaderState>{});
        }
    }
}

} // namespace madoguchi::tests
