#include "kafka/cluster.h"

namespace kafscope {

QString Cluster::writeRefusal() const
{
    if (isReadOnly())
        return QStringLiteral("This connection is read-only: KafScope changes nothing on %1. Reconnect without "
                              "\"Read-only\" to make changes.")
            .arg(profile().name.isEmpty() ? QStringLiteral("this cluster") : profile().name);
    if (isDemo())
        return QStringLiteral("The demo cluster (librdkafka's mock brokers) serves no admin writes. To create topics, "
                              "change configs and more, start KafScope on the real local cluster: "
                              "scripts/run-demo --real.");
    return {};
}

} // namespace kafscope

// Compiled here rather than in the aggregated mocs file, so executables that never use this class do not link it.
#include "moc_cluster.cpp"
