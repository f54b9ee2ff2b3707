// kafscope-cli-data: the librdkafka half of kafscope-cli (consume, produce). kafscope-cli re-executes itself as this
// binary for those commands, so that every other command starts without loading librdkafka.
#include "app/cli/cli.h"
#include "app/cli/dataplane.h"
#include "kafka/background.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kafscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KAFSCOPE_VERSION_STRING));
    using namespace kafscope::cli;
    static const DataPlaneCommands commands { &addConsumeOptions, &runConsume, &addProduceOptions, &runProduce };
    const int code = run(QCoreApplication::arguments(), &commands);
    // The consumer or producer winds down on its own thread: a bounded time, then the process ends regardless.
    return kafscope::exitAfterBackgroundWork(code, kafscope::kExitGraceMs);
}
