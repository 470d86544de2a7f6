#pragma once

#include <QString>

#include <functional>

namespace madoguchi::audit {

// What a verification found. `firstBadIndex` names the first entry found wrong (-1: none, or the
// problem is a tree head, see `headSize`).
struct VerifyReport
{
    enum class Problem
    {
        None,
        Modified,      // bytes differ from the hash the tree committed to
        Missing,       // an index is absent (deleted row, truncated bundle or log)
        Misplaced,     // an entry sits at an index other than its own (reordered, inserted)
        HeadSignature, // a tree head's signature does not verify: forged or another key
        HeadRoot,      // a signed root does not match the entries
        WrongTerminal, // a bundle or head from another terminal
        Malformed,     // unreadable input
        Cancelled,
    };
    Problem problem = Problem::None;
    qint64 firstBadIndex = -1;
    qint64 headSize = -1;
    qint64 entries = 0;
    qint64 heads = 0;
    QString detail;

    [[nodiscard]] bool ok() const { return problem == Problem::None; }
};

[[nodiscard]] QString problemName(VerifyReport::Problem problem);

// Progress: (entries done, total); returning false cancels.
using VerifyProgress = std::function<bool(qint64 done, qint64 total)>;

} // namespace madoguchi::audit
