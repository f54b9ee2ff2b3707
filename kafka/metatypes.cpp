// Registers the value types that cross threads in queued signal connections.
#include "kafka/client/liveconsumer.h"
#include "kafka/client/producer.h"
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
        qRegisterMetaType<Cluster::State>();
        qRegisterMetaType<DeliveryReport>();
        qRegisterMetaType<LiveConsumer::Status>();
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace kafscope
