// Registers the value types that cross threads in queued signal connections.
#include "kafka/client/liveconsumer.h"
#include "kafka/client/producer.h"
#include "kafka/clustersession.h"
#include "kafka/lag/sampler.h"
#include "kafka/playground.h"
#include "kafka/types.h"

namespace kafscope {

void registerMetaTypes()
{
    static const bool once = [] {
        qRegisterMetaType<ClusterMetadata>();
        qRegisterMetaType<OffsetsSnapshot>();
        qRegisterMetaType<ConfigResourceResult>();
        qRegisterMetaType<lag::GroupSample>();
        qRegisterMetaType<GroupList>();
        qRegisterMetaType<ConfigResourceType>();
        qRegisterMetaType<Cluster::State>();
        qRegisterMetaType<DeliveryReport>();
        qRegisterMetaType<LiveConsumer::Status>();
        qRegisterMetaType<PlaygroundMember>();
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace kafscope
