#include "kafka/lag/historyframes.h"

namespace kafscope::lag {

namespace {

constexpr char kVersion = 1;

void putVarint(QByteArray& out, uint64_t v)
{
    while (v >= 0x80) {
        out.append(char((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

void putSigned(QByteArray& out, int64_t v)
{
    putVarint(out, (uint64_t(v) << 1) ^ uint64_t(v >> 63));
}

struct Reader
{
    const QByteArray& bytes;
    qsizetype at = 0;

    bool varint(uint64_t* v)
    {
        uint64_t result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= bytes.size())
                return false;
            const auto byte = uint8_t(bytes[at++]);
            result |= uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80)) {
                *v = result;
                return true;
            }
        }
        return false; // more than 10 bytes
    }
    bool signedVarint(int64_t* v)
    {
        uint64_t u = 0;
        if (!varint(&u))
            return false;
        *v = int64_t(u >> 1) ^ -int64_t(u & 1);
        return true;
    }
};

// The previous frame's entry for `series`, walking `it` forward (both lists are sorted by id).
const FrameValues* previousOf(const Frame* previous, Frame::const_iterator& it, int series)
{
    if (!previous)
        return nullptr;
    while (it != previous->cend() && it->series < series)
        ++it;
    return it != previous->cend() && it->series == series ? &it->values : nullptr;
}

// Differences wrap like the unsigned arithmetic of two's complement, so any pair of int64 values round-trips.
int64_t minus(int64_t a, int64_t b)
{
    return int64_t(uint64_t(a) - uint64_t(b));
}

int64_t plus(int64_t a, int64_t b)
{
    return int64_t(uint64_t(a) + uint64_t(b));
}

} // namespace

QByteArray encodeFrame(FrameKind kind, const Frame& frame, const Frame* previous)
{
    QByteArray out;
    out.reserve(qsizetype(frame.size()) * (kind == FrameKind::Raw ? 4 : 6) + 8);
    out.append(kVersion);
    putVarint(out, frame.size());
    int lastSeries = 0;
    auto prevIt = previous ? previous->cbegin() : Frame::const_iterator {};
    for (const auto& e : frame) {
        putSigned(out, minus(e.series, lastSeries));
        lastSeries = e.series;
        const FrameValues* before = previousOf(previous, prevIt, e.series);
        putSigned(out, minus(e.values.committed, before ? before->committed : -1));
        putSigned(out, minus(e.values.latest, before ? before->latest : -1));
        if (kind == FrameKind::Aggregate) {
            putSigned(out, minus(e.values.lagMin, lagOf(e.values.committed, e.values.latest)));
            putSigned(out, minus(e.values.lagMax, e.values.lagMin));
        }
    }
    return out;
}

std::optional<Frame> decodeFrame(FrameKind kind, const QByteArray& bytes, const Frame* previous)
{
    Reader r { bytes };
    if (bytes.isEmpty() || bytes[0] != kVersion)
        return std::nullopt;
    r.at = 1;
    uint64_t count = 0;
    // Every entry takes at least 3 bytes: a count beyond that is garbage, not a reason to allocate.
    if (!r.varint(&count) || count > uint64_t(bytes.size()))
        return std::nullopt;
    Frame frame;
    frame.reserve(count);
    int64_t series = 0;
    auto prevIt = previous ? previous->cbegin() : Frame::const_iterator {};
    for (uint64_t i = 0; i < count; ++i) {
        int64_t d = 0;
        if (!r.signedVarint(&d))
            return std::nullopt;
        const int64_t next = plus(series, d);
        if (next < 0 || next > INT32_MAX || (i > 0 && next <= series))
            return std::nullopt;
        series = next;
        FrameEntry e;
        e.series = int(series);
        const FrameValues* before = previousOf(previous, prevIt, e.series);
        int64_t committed = 0;
        int64_t latest = 0;
        if (!r.signedVarint(&committed) || !r.signedVarint(&latest))
            return std::nullopt;
        e.values.committed = plus(committed, before ? before->committed : -1);
        e.values.latest = plus(latest, before ? before->latest : -1);
        if (kind == FrameKind::Aggregate) {
            int64_t lagMin = 0;
            int64_t lagMax = 0;
            if (!r.signedVarint(&lagMin) || !r.signedVarint(&lagMax))
                return std::nullopt;
            e.values.lagMin = plus(lagMin, lagOf(e.values.committed, e.values.latest));
            e.values.lagMax = plus(lagMax, e.values.lagMin);
        }
        frame.push_back(e);
    }
    if (r.at != bytes.size())
        return std::nullopt;
    return frame;
}

} // namespace kafscope::lag
