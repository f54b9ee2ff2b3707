// Registers the value types that cross threads in queued signal connections.
#include "kafka/clustersession.h"
#include "kafka/types.h"

namespace kafscope {

void registerMetaTypes()
{
    static const bool once = [] {
        qRegisterMetaType<ClusterMetadata>();
        qRegisterMetaType<OffsetsSnapshot>();
        qRegisterMetaType<ConfigResourceResult>();
        qRegisterMetaType<ConfigResourceType>();
        qRegisterMetaType<ClusterSession::State>();
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace kafscope
