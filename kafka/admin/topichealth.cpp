#include "kafka/admin/topichealth.h"

#include <QSet>
#include <QStringList>
#include <algorithm>

namespace kafscope::admin {

QString replicasOnBrokersDown(const ClusterMetadata& metadata, const QString& topic)
{
    const auto* info = metadata.topic(topic);
    if (!info)
        return {};
    QSet<int32_t> up;
    for (const auto& b : metadata.brokers)
        up.insert(b.nodeId);
    QSet<int32_t> down;
    int affected = 0;
    for (const auto& p : info->partitions) {
        bool hit = false;
        for (const auto r : p.replicas) {
            if (!up.contains(r)) {
                down.insert(r);
                hit = true;
            }
        }
        affected += hit ? 1 : 0;
    }
    if (affected == 0)
        return {};
    QList<int32_t> ids(down.begin(), down.end());
    std::sort(ids.begin(), ids.end());
    QStringList idText;
    for (const auto id : ids)
        idText << QString::number(id);
    return QStringLiteral("%1 of %2 partition(s) have a replica on broker(s) %3, which are not up: those replicas stay "
                          "out of sync until their brokers are back")
        .arg(affected)
        .arg(info->partitions.size())
        .arg(idText.join(QStringLiteral(", ")));
}

} // namespace kafscope::admin
