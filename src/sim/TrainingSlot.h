#pragma once

#include "sim/JpkiCardSim.h"

#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace madoguchi::sim {

// Internal to the training reader: the slots of a TrainingBackend, shared with its connections so
// that a connection notices when its card is pulled (and may outlive the backend safely).
struct TrainingSlots
{
    struct Slot
    {
        QString name;
        std::shared_ptr<JpkiCardSim> card; // null: no card in the slot
        quint32 eventCount = 0;            // like PC/SC's: changes on every insert and remove
    };

    std::mutex mutex;
    std::condition_variable changed;
    std::vector<Slot> readers;
    quint64 cancelCount = 0;
};

} // namespace madoguchi::sim
