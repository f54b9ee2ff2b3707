#include "kafka/admin/topicname.h"

namespace kafscope::admin {

TopicNameCheck checkTopicName(const QString& name)
{
    TopicNameCheck check;
    if (name.isEmpty()) {
        check.error = QStringLiteral("A topic name cannot be empty.");
        return check;
    }
    if (name == QLatin1String(".") || name == QLatin1String("..")) {
        check.error = QStringLiteral("A topic cannot be named \"%1\".").arg(name);
        return check;
    }
    if (name.size() > kMaxTopicNameLength) {
        check.error = QStringLiteral("A topic name has at most %1 characters; this one has %2.")
                          .arg(kMaxTopicNameLength)
                          .arg(name.size());
        return check;
    }
    for (const QChar c : name) {
        const bool legal = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('-');
        if (!legal) {
            check.error
                = QStringLiteral("\"%1\" contains '%2': topic names use only letters, digits, '.', '_' and '-'.")
                      .arg(name, QString(c));
            return check;
        }
    }
    if (name.contains(QLatin1Char('.')) && name.contains(QLatin1Char('_')))
        check.warning = QStringLiteral("\"%1\" mixes '.' and '_': in metric names both become '_', so it can collide "
                                       "with another topic's metrics.")
                            .arg(name);
    return check;
}

} // namespace kafscope::admin
