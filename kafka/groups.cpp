#include "kafka/groups.h"

#include <QSet>
#include <algorithm>

namespace kafscope {

const GroupMember* GroupDescription::owner(const QString& topic, int32_t partition) const
{
    for (const auto& member : members) {
        for (const auto& tp : member.assignment) {
            if (tp.partition == partition && tp.topic == topic)
                return &member;
        }
    }
    return nullptr;
}

QStringList GroupDescription::topics() const
{
    QSet<QString> seen;
    for (const auto& member : members) {
        for (const auto& tp : member.assignment)
            seen.insert(tp.topic);
    }
    QStringList out(seen.begin(), seen.end());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace kafscope
