#pragma once
#include <QStringList>

namespace kafscope::cli {

// Exit codes (documented in the README and in --help).
// 5: refused by KafScope's own safety rules (an internal topic, later a read-only connection), with the reason.
enum ExitCode { Ok = 0, Failure = 1, Usage = 2, Unreachable = 3, KafkaError = 4, Refused = 5 };

struct DataPlaneCommands;

// Runs one kafscope-cli command; needs a QCoreApplication (it runs the event loop until the command is done).
// Without `dataPlane` (kafscope-cli), consume and produce re-execute as kafscope-cli-data, which passes them.
int run(const QStringList& arguments, const DataPlaneCommands* dataPlane = nullptr);

} // namespace kafscope::cli
