#include "models/partitioncolors.h"

#include <array>
#include <cmath>

namespace kafscope {

namespace {

// Tableau 10 plus two: chosen for distinctness (also for the common colour-vision deficiencies) and for being mid-tone,
// so they work as cell backgrounds under both light and dark themes with black or white text.
constexpr std::array<QRgb, 12> kPalette = {
    0x4e79a7, // blue
    0xf28e2b, // orange
    0x59a14f, // green
    0xe15759, // red
    0xb07aa1, // purple
    0xedc948, // yellow
    0x76b7b2, // teal
    0xff9da7, // pink
    0x9c755f, // brown
    0xb6992d, // olive
    0xbab0ac, // grey
    0xd37295, // magenta
};

double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double relativeLuminance(const QColor& c)
{
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

} // namespace

QColor partitionColor(int32_t partition)
{
    if (partition < 0)
        return QColor(0x9e, 0x9e, 0x9e);
    if (partition < int32_t(kPalette.size()))
        return QColor(kPalette[size_t(partition)]);
    // The golden angle spreads consecutive hues as far apart as possible without knowing how many there will be; the
    // offset keeps partition 12 away from the palette's blue at its start. Lightness alternates to separate hues that
    // still come out close.
    const int n = partition - int32_t(kPalette.size());
    const double hue = std::fmod(20.0 + n * 137.50776405, 360.0);
    const double lightness = (n % 2 == 0) ? 0.55 : 0.68;
    return QColor::fromHslF(float(hue / 360.0), 0.55f, float(lightness));
}

QColor partitionTextColor(int32_t partition)
{
    // 0.179 is where black and white text have equal WCAG contrast against the background.
    return relativeLuminance(partitionColor(partition)) > 0.179 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace kafscope
