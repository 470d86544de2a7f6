#pragma once

#include "core/Result.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <functional>

namespace madoguchi::services {

// Hands a result computed on the card thread to `context`'s thread (the GUI's), and drops it when the
// context is gone by then (a page closed while the card was being read).
template <typename T>
void deliverResult(const QPointer<QObject>& context, std::function<void(core::Result<T>)> done, core::Result<T> result)
{
    QMetaObject::invokeMethod(
        context.data(),
        [context, done = std::move(done), result = std::move(result)]() mutable {
            if (context) {
                done(std::move(result));
            }
        },
        Qt::QueuedConnection);
}

} // namespace madoguchi::services
