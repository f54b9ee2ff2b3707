#include "app/cli/cli.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kafscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KAFSCOPE_VERSION_STRING));
    return kafscope::cli::run(QCoreApplication::arguments());
}
