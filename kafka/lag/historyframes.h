#pragma once
// The compact row format of the lag history: one row ("frame") per group and sample time (or aggregate bucket)
// holding all of the group's partitions, instead of one row per partition. A frame lists its entries by series id;
// each value is a zigzag varint, stored as the difference to the same partition's value in the frame before it
// (offsets move little between samples, so most values take one or two bytes), except in key frames, which stand
// alone. A chain of frames decodes from its last key frame on; pruning keeps the key frame a kept frame needs.
#include <QByteArray>
#include <cstdint>
#include <optional>
#include <vector>

namespace kafscope::lag {

// One partition's values in a frame; -1 is unknown. Raw frames use committed and latest only; aggregate frames
// also the lag's min and max over the bucket (the last lag is the one of committed and latest, the bucket's last).
struct FrameValues
{
    int64_t committed = -1;
    int64_t latest = -1;
    int64_t lagMin = -1;
    int64_t lagMax = -1;
    friend bool operator==(const FrameValues&, const FrameValues&) = default;
};

struct FrameEntry
{
    int series = -1;
    FrameValues values;
    friend bool operator==(const FrameEntry&, const FrameEntry&) = default;
};

using Frame = std::vector<FrameEntry>; // sorted by series id, each id once

enum class FrameKind { Raw, Aggregate };

// The lag of committed and latest: latest - committed (not below 0) where both are known, else -1.
inline int64_t lagOf(int64_t committed, int64_t latest)
{
    return committed >= 0 && latest >= 0 ? (latest > committed ? latest - committed : 0) : -1;
}

// `previous` is the frame before in the chain; null for a key frame.
QByteArray encodeFrame(FrameKind kind, const Frame& frame, const Frame* previous);
// nullopt when the bytes are not a frame of this kind (truncated, garbage, ids out of order).
std::optional<Frame> decodeFrame(FrameKind kind, const QByteArray& bytes, const Frame* previous);

} // namespace kafscope::lag
