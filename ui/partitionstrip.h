#pragma once
// The teaching view of keys -> partitions: one bar per partition, in the partition's colour, as long as its share
// of the records received. Repaints at most every 100 ms however fast records arrive.
#include <QMap>
#include <QWidget>

class QTimer;

namespace kafscope {

class PartitionStrip : public QWidget
{
    Q_OBJECT
public:
    explicit PartitionStrip(QWidget* parent = nullptr);

    void setPartitionCount(int count);
    void setCounts(const QMap<int32_t, qint64>& counts);
    void clear();
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void partitionClicked(int32_t partition);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QRectF barRect(int index) const;

    int m_partitionCount = 0;
    QMap<int32_t, qint64> m_counts;
    QTimer* m_repaint;
};

} // namespace kafscope
