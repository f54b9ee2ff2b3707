#pragma once
// One colour per partition, used everywhere a partition is shown (record table, partition strip, producer results),
// so partition 3 is the same orange in every view.

#include <QColor>
#include <cstdint>

namespace kafscope {

// A fixed palette of 12 well-separated mid-tone hues for partitions 0-11 (most topics), then golden-angle hues with
// alternating lightness beyond, so neighbouring partitions never look alike. Negative (unknown) partitions are grey.
QColor partitionColor(int32_t partition);
// Black or white, whichever contrasts more with partitionColor(partition) (WCAG relative luminance).
QColor partitionTextColor(int32_t partition);

} // namespace kafscope
