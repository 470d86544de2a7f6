#pragma once

// Page screenshots for the README and for looking at the pages (issue 6 item 10): saved only when
// MADOGUCHI_SCREENSHOT_DIR is set, so ordinary test runs write nothing.
#include <QDir>
#include <QWidget>

namespace madoguchi::test {

inline bool saveScreenshot(QWidget& widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("MADOGUCHI_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        return true;
    }
    QDir().mkpath(dir);
    widget.resize(widget.size().expandedTo(QSize(900, 600)));
    return widget.grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace madoguchi::test
