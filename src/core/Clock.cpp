#include "core/Clock.h"

namespace madoguchi::core {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace madoguchi::core
