#pragma once

#include <QDateTime>

namespace madoguchi::core {

// Time comes from a Clock so that validity, CRL age and audit times are testable.
class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime now() const = 0; // always UTC
};

class SystemClock final : public Clock
{
public:
    [[nodiscard]] QDateTime now() const override;
};

class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime at) : m_at(at.toUTC()) {}
    [[nodiscard]] QDateTime now() const override { return m_at; }
    void set(const QDateTime& at) { m_at = at.toUTC(); }
    void advanceSeconds(qint64 seconds) { m_at = m_at.addSecs(seconds); }

private:
    QDateTime m_at;
};

} // namespace madoguchi::core
