#pragma once
#include <QStringList>

namespace kafscope::cli {

// Exit codes (documented in the README and in --help).
enum ExitCode { Ok = 0, Failure = 1, Usage = 2, Unreachable = 3, KafkaError = 4 };

// Runs one kafscope-cli command; needs a QCoreApplication (it runs the event loop until the command is done).
int run(const QStringList& arguments);

} // namespace kafscope::cli
