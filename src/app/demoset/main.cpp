// madoguchi-demoset: a build-time tool. Generates the deterministic training demo set (pki::makeDemoSet,
// ~21 RSA keys, seconds on a small machine) into a directory and writes a Qt resource file listing it,
// so the app embeds the set and its first start shows the window at once (issue 6 "Measure": first
// window ≤ 1 s). The set is the same bytes on every run (fixed seed and "now"), so the build is
// reproducible. Usage: madoguchi-demoset OUT_DIR OUT_QRC
#include "pki/DemoSet.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStringList>

#include <algorithm>
#include <cstdio>

using namespace madoguchi;

namespace {

// The qrc lists every file under `root` with the alias training/demo-set/<relative path>, the
// directory TrainingSetup loads from (":/training/demo-set").
bool writeQrc(const QString& root, const QString& qrcPath)
{
    QStringList files;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files.append(QDir(root).relativeFilePath(it.next()));
    }
    std::sort(files.begin(), files.end()); // stable output: no rebuilds from a different order
    QByteArray xml = "<!DOCTYPE RCC><RCC version=\"1.0\">\n<qresource prefix=\"/training/demo-set\">\n";
    for (const auto& file : files) {
        xml += "  <file alias=\"" + file.toUtf8() + "\">" + QDir(root).absoluteFilePath(file).toUtf8() + "</file>\n";
    }
    xml += "</qresource>\n</RCC>\n";
    QFile out(qrcPath);
    return out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(xml) == xml.size();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fputs("usage: madoguchi-demoset OUT_DIR OUT_QRC\n", stderr);
        return 2;
    }
    QDir(args.at(1)).removeRecursively(); // no stale files from an older set in the resource
    auto set = pki::makeDemoSet();
    if (!set) {
        std::fprintf(stderr, "madoguchi-demoset: %s\n", qPrintable(set.error().toString()));
        return 1;
    }
    if (auto saved = set->saveTo(args.at(1)); !saved) {
        std::fprintf(stderr, "madoguchi-demoset: %s\n", qPrintable(saved.error().toString()));
        return 1;
    }
    if (!writeQrc(args.at(1), args.at(2))) {
        std::fprintf(stderr, "madoguchi-demoset: cannot write %s\n", qPrintable(args.at(2)));
        return 1;
    }
    return 0;
}
