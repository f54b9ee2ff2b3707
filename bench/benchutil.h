#pragma once
// What the benchmarks share: leaving with a message, turning the event loop for a while, reading --name VALUE
// arguments, and percentiles of measured values.
#include <QEventLoop>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace kafscope::bench {

// Prints "<program>: message" to stderr and exits 1.
[[noreturn]] inline void die(const QString& message)
{
    std::fprintf(stderr, "%s: %s\n", program_invocation_short_name, qPrintable(message));
    std::exit(1);
}

// Runs the event loop for `ms` milliseconds.
inline void turn(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// The integer after `name` in `args`, or `fallback`.
inline int argValue(const QStringList& args, const QString& name, int fallback)
{
    const auto i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

// The p-th percentile (nearest rank), 0 for no values.
inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(std::lround(p / 100.0 * double(v.size() - 1))))];
}

} // namespace kafscope::bench
