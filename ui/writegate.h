#pragma once
// Write actions (create, delete, change configs, produce) are enabled only where the connection allows writes: on a
// read-only connection they stay visible, disabled, with a tooltip that says why.
#include "kafka/cluster.h"

#include <QWidget>

namespace kafscope {

inline void gateWriteAction(QWidget* action, const Cluster* cluster, bool otherwiseEnabled, const QString& toolTip)
{
    const bool readOnly = cluster->isReadOnly();
    action->setEnabled(otherwiseEnabled && !readOnly);
    action->setToolTip(readOnly ? cluster->writeRefusal() : toolTip);
}

} // namespace kafscope
