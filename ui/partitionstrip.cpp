#include "ui/partitionstrip.h"

#include "models/partitioncolors.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <algorithm>

namespace kafscope {

namespace {
constexpr int kRowHeight = 18;
constexpr int kLabelWidth = 44;
constexpr int kCountWidth = 90;
} // namespace

PartitionStrip::PartitionStrip(QWidget* parent)
    : QWidget(parent)
    , m_repaint(new QTimer(this))
{
    m_repaint->setSingleShot(true);
    m_repaint->setInterval(100);
    connect(m_repaint, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    setToolTip(QStringLiteral("Records received per partition. Records with the same key always land in the same "
                              "partition, and Kafka keeps order only within a partition. Click a bar to filter."));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void PartitionStrip::setPartitionCount(int count)
{
    m_partitionCount = count;
    updateGeometry();
    update();
}

void PartitionStrip::setCounts(const QMap<int32_t, qint64>& counts)
{
    m_counts = counts;
    if (!m_repaint->isActive())
        m_repaint->start();
}

void PartitionStrip::clear()
{
    m_counts.clear();
    update();
}

QSize PartitionStrip::sizeHint() const
{
    const int rows = std::max(1, std::min(m_partitionCount, 12));
    return { 320, rows * kRowHeight + 4 };
}

QSize PartitionStrip::minimumSizeHint() const
{
    return { 200, kRowHeight + 4 };
}

QRectF PartitionStrip::barRect(int index) const
{
    // Many partitions: rows get thinner so the strip stays one glance.
    const int n = std::max(1, m_partitionCount);
    const qreal rowHeight = std::min<qreal>(kRowHeight, qreal(height() - 4) / n);
    return { qreal(kLabelWidth), 2 + index * rowHeight, qreal(width() - kLabelWidth - kCountWidth), rowHeight - 2 };
}

void PartitionStrip::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    if (m_partitionCount <= 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, QStringLiteral("Start tailing a topic to see where records land."));
        return;
    }
    qint64 max = 1;
    for (auto c : m_counts)
        max = std::max(max, c);
    for (int i = 0; i < m_partitionCount; ++i) {
        const QRectF bar = barRect(i);
        const qint64 count = m_counts.value(i);
        p.setPen(palette().color(QPalette::Text));
        if (bar.height() >= 9) {
            p.drawText(QRectF(0, bar.top(), kLabelWidth - 6, bar.height()), Qt::AlignRight | Qt::AlignVCenter,
                QStringLiteral("P%1").arg(i));
            p.drawText(QRectF(bar.right() + 6, bar.top(), kCountWidth - 6, bar.height()),
                Qt::AlignLeft | Qt::AlignVCenter, QLocale().toString(count));
        }
        p.setPen(Qt::NoPen);
        p.setBrush(palette().color(QPalette::AlternateBase));
        p.drawRoundedRect(bar, 2, 2);
        QRectF filled = bar;
        filled.setWidth(bar.width() * double(count) / double(max));
        p.setBrush(partitionColor(i));
        p.drawRoundedRect(filled, 2, 2);
    }
}

void PartitionStrip::mousePressEvent(QMouseEvent* event)
{
    for (int i = 0; i < m_partitionCount; ++i) {
        QRectF row = barRect(i);
        row.setLeft(0);
        row.setRight(width());
        if (row.contains(event->position())) {
            emit partitionClicked(i);
            return;
        }
    }
}

} // namespace kafscope
