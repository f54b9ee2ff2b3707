#include "app/cli/cli.h"

#include <QCoreApplication>
#include <cstdio>
#include <unistd.h>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kafscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KAFSCOPE_VERSION_STRING));
    const int code = kafscope::cli::run(QCoreApplication::arguments());
    // Output is flushed; tearing down sockets, the event loop and Qt's globals only delays the shell's prompt.
    std::fflush(nullptr);
    ::_exit(code);
}
