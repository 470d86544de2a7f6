#pragma once

#include "card/CardConnection.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <functional>
#include <utility>

namespace madoguchi::card::test {

// A recorded APDU exchange (OpenSC style): each step names the exact C-APDU expected next and the
// answer to give. Any other command, or one too many, is recorded as a failure and answered with
// Errc::Internal, so the driver under test fails visibly. Check failures() and isDone() after a run.
class ScriptedConnection final : public CardConnection
{
public:
    using Responder = std::function<core::Result<ResponseApdu>(const CommandApdu&)>;

    static QByteArray hex(const char* text) { return QByteArray::fromHex(QByteArray(text)); }

    ScriptedConnection& expect(QByteArray command, QByteArray response)
    {
        return expectRespond(std::move(command),
                             [response](const CommandApdu&) { return ResponseApdu::fromBytes(response); });
    }
    ScriptedConnection& expect(const char* commandHex, const char* responseHex)
    {
        return expect(hex(commandHex), hex(responseHex));
    }
    // Mixed forms: a built command with a hex answer, a hex command with a built answer.
    ScriptedConnection& expect(QByteArray command, const char* responseHex)
    {
        return expect(std::move(command), hex(responseHex));
    }
    ScriptedConnection& expect(const char* commandHex, QByteArray response)
    {
        return expect(hex(commandHex), std::move(response));
    }
    ScriptedConnection& expectError(QByteArray command, core::Errc code)
    {
        return expectRespond(std::move(command), [code](const CommandApdu&) -> core::Result<ResponseApdu> {
            return core::fail(code, QStringLiteral("scripted"));
        });
    }
    ScriptedConnection& expectRespond(QByteArray command, Responder responder)
    {
        m_steps.append(Step{std::move(command), std::move(responder)});
        return *this;
    }

    core::Result<ResponseApdu> transmit(const CommandApdu& command) override
    {
        ++m_apduCount;
        const QByteArray wire = command.encode().view().toByteArray();
        if (m_position >= m_steps.size()) {
            m_failures << QStringLiteral("unexpected APDU #%1: %2").arg(m_apduCount).arg(command.header());
            return core::fail(core::Errc::Internal, QStringLiteral("script exhausted"));
        }
        const Step& step = m_steps[m_position++];
        if (wire != step.command) {
            m_failures << QStringLiteral("APDU #%1: expected %2 got %3")
                              .arg(m_apduCount)
                              .arg(QString::fromLatin1(step.command.toHex(' ')), QString::fromLatin1(wire.toHex(' ')));
            return core::fail(core::Errc::Internal, QStringLiteral("unexpected APDU"));
        }
        return step.respond(command);
    }
    core::Result<void> beginTransaction() override
    {
        if (m_inTransaction) {
            m_failures << QStringLiteral("nested beginTransaction on the connection");
        }
        m_inTransaction = true;
        ++m_transactions;
        return {};
    }
    core::Result<void> endTransaction() override
    {
        if (!m_inTransaction) {
            m_failures << QStringLiteral("endTransaction without begin");
        }
        m_inTransaction = false;
        return {};
    }
    core::Result<void> reconnect() override
    {
        ++m_reconnects;
        return {};
    }
    QByteArray atr() const override { return hex("3B 80 80 01 01"); }
    QString readerName() const override { return QStringLiteral("Scripted Reader 読取機"); }
    bool supportsExtendedLength() const override { return m_extended; }
    int apduCount() const override { return m_apduCount; }

    // SCardControl (PIN pad, PC/SC Part 10): every call is recorded and answered with `answer`.
    core::Result<QByteArray> control(quint32 code, const QByteArray& input) override
    {
        m_controls.append({code, input});
        return m_controlAnswer;
    }
    void setControlAnswer(core::Result<QByteArray> answer) { m_controlAnswer = std::move(answer); }
    [[nodiscard]] const QList<std::pair<quint32, QByteArray>>& controls() const { return m_controls; }

    void setExtendedLength(bool on) { m_extended = on; }
    [[nodiscard]] bool isDone() const { return m_position == m_steps.size(); }
    [[nodiscard]] bool inTransaction() const { return m_inTransaction; }
    [[nodiscard]] int transactions() const { return m_transactions; }
    [[nodiscard]] int reconnects() const { return m_reconnects; }
    [[nodiscard]] const QStringList& failures() const { return m_failures; }
    // Everything wrong in one line, for QVERIFY2.
    [[nodiscard]] QByteArray report() const
    {
        QStringList all = m_failures;
        if (!isDone()) {
            all << QStringLiteral("%1 scripted APDUs not sent").arg(m_steps.size() - m_position);
        }
        if (m_inTransaction) {
            all << QStringLiteral("transaction left open");
        }
        return all.join(QStringLiteral("; ")).toUtf8();
    }
    [[nodiscard]] bool isClean() const { return m_failures.isEmpty() && isDone() && !m_inTransaction; }

private:
    struct Step
    {
        QByteArray command;
        Responder respond;
    };

    QList<Step> m_steps;
    qsizetype m_position = 0;
    int m_apduCount = 0;
    int m_transactions = 0;
    int m_reconnects = 0;
    bool m_inTransaction = false;
    bool m_extended = false;
    QStringList m_failures;
    QList<std::pair<quint32, QByteArray>> m_controls;
    core::Result<QByteArray> m_controlAnswer = core::fail(core::Errc::Unsupported, QStringLiteral("no control"));
};

} // namespace madoguchi::card::test
