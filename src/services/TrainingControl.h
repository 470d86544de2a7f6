#pragma once

#include <QString>
#include <QStringList>

namespace madoguchi::services {

// The training reader's controls, as the GUI sees them: which demo cards exist, and putting one on
// or taking it off the simulated reader. Absent (nullptr) when Madoguchi runs on real readers only.
class TrainingControl
{
public:
    struct DemoCard
    {
        QString id;          // "valid", "moved", ...
        QString description; // English; the GUI translates by id where it can
    };

    virtual ~TrainingControl() = default;
    [[nodiscard]] virtual QList<DemoCard> demoCards() const = 0;
    virtual void insertCard(const QString& id) = 0;
    virtual void removeCard() = 0;
};

} // namespace madoguchi::services
