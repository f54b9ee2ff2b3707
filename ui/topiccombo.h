#pragma once
// Keeps a topic chooser in step with the cluster's metadata without disturbing what the user typed or chose.
#include "kafka/types.h"

#include <QComboBox>

namespace kafscope {

inline void fillTopicCombo(QComboBox* combo, const ClusterMetadata& metadata)
{
    const auto current = combo->currentText();
    QStringList names;
    for (const auto& t : metadata.topics)
        if (!t.isInternal)
            names.append(t.name);
    names.sort();
    QStringList existing;
    for (int i = 0; i < combo->count(); ++i)
        existing.append(combo->itemText(i));
    if (existing != names) {
        combo->clear();
        combo->addItems(names);
    }
    // The demo's teaching topic first; otherwise keep the user's choice.
    if (current.isEmpty() && !names.isEmpty())
        combo->setEditText(names.contains(QStringLiteral("orders")) ? QStringLiteral("orders") : names.first());
    else
        combo->setEditText(current);
}

} // namespace kafscope
