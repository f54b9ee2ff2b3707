#pragma once
// What people type for the data plane, parsed and checked without widgets: the Live tab's partition list and start
// position, the producer's headers and form. Each returns the value, or nullopt with a sentence in *error that the
// UI (or the CLI) shows as it is.
#include "kafka/dataplane.h"
#include "kafka/types.h"

#include <optional>

namespace kafscope::input {

// "0,2,4-5" -> [0, 2, 4, 5], in the order given, without repeats; empty text -> [] (all partitions). With count > 0
// every partition must be below it.
std::optional<QList<int32_t>> parsePartitions(const QString& text, int count, QString* error);

// The Live tab's "from" choices, in the order of its combo box.
enum class StartChoice { Latest, Earliest, Offset, Timestamp, LastN };
// value: the offset; the time as yyyy-MM-dd HH:mm[:ss] (local time) or epoch ms; or N. Ignored for Latest/Earliest.
std::optional<ConsumeStart> parseStart(StartChoice choice, const QString& value, QString* error);

// "k=v, k2=v2" -> headers (names trimmed, values as UTF-8); empty text -> none.
std::optional<QList<RecordHeader>> parseHeaders(const QString& text, QString* error);

// The producer panel's form.
struct ProduceForm
{
    QString topic;
    QString key;
    bool nullKey = false;
    QString value;
    QString headers;
    int32_t partition = -1; // -1: by partitioner
    partitioning::Partitioner partitioner = partitioning::Partitioner::Murmur2Random;
};
// The request the form describes, checked against the cluster it goes to.
std::optional<ProduceRequest> validateProduce(
    const ProduceForm& form, const ClusterMetadata& metadata, bool connected, QString* error);

} // namespace kafscope::input
