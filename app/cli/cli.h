#pragma once
#include <QStringList>

namespace kafscope::cli {

// Exit codes (documented in the README and in --help).
enum ExitCode { Ok = 0, Failure = 1, Usage = 2, Unreachable = 3, KafkaError = 4 };

struct DataPlaneCommands;

// Runs one kafscope-cli command; needs a QCoreApplication (it runs the event loop until the command is done).
// Without `dataPlane` (kafscope-cli), consume and produce re-execute as kafscope-cli-data, which passes them.
int run(const QStringList& arguments, const DataPlaneCommands* dataPlane = nullptr);

} // namespace kafscope::cli
