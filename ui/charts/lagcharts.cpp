#include "ui/charts/lagcharts.h"

#include "models/laghistorymodel.h"
#include "models/partitioncolors.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPainter>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace kafscope {

namespace {

constexpr int kRedrawDelayMs = 100;
constexpr int kMaxColouredBars = 64; // beyond, one neutral bar set (a set per partition would be thousands of bars)

QChartView* makeView(QChart* chart)
{
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setVisible(false);
    chart->setAnimationOptions(QChart::NoAnimation);
    auto* view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing, false);
    view->setMinimumHeight(120);
    return view;
}

QString categoryFor(const LagHistoryModel& model, int row)
{
    const auto* s = model.series(row);
    return s ? QStringLiteral("%1-%2").arg(s->topic).arg(s->partition) : QString();
}

// The lag axis' top: 1, 2 or 5 times a power of ten above the largest lag, so it moves seldom (and with it the
// whole plot has to be drawn again).
double niceCeiling(double v)
{
    const double base = std::pow(10.0, std::floor(std::log10(std::max(1.0, v))));
    for (const double step : { 1.0, 2.0, 5.0, 10.0 }) {
        if (step * base >= v)
            return step * base;
    }
    return 10 * base;
}

} // namespace

// The partitions' lines over the plot area, as a strip chart: the time axis moves by whole columns of one pixel
// (LagCharts snaps it), so a new sample, which changes only the last column of each line (MinMaxDecimator), needs
// the cached image scrolled by the columns the axis moved and the newest few columns drawn again; everything is
// drawn again only when the lag axis, the plot's size, the span or the shown lines change.
class LagCharts::LinesItem : public QGraphicsItem
{
public:
    struct Line
    {
        QList<QPointF> points; // time in ms, lag
        QColor color;
        bool shown = false;
    };

    explicit LinesItem(QGraphicsItem* parent)
        : QGraphicsItem(parent)
    {
        setZValue(10); // above the grid, beside the total's series
        setAcceptedMouseButtons(Qt::NoButton);
    }

    QList<Line> lines;
    int fullDraws = 0; // for the benchmark: how often everything was drawn again

    void invalidate() { m_drawn = {}; }

    // The plot area in chart coordinates, the time at its left edge, the width of a column (one pixel) and the lag
    // at its top.
    void setGeometry(const QRectF& plot, qint64 fromMs, qint64 columnMs, int columns, double maxLag)
    {
        if (plot != m_plot) {
            prepareGeometryChange();
            m_plot = plot;
        }
        m_want = { fromMs, columnMs, maxLag, QSize(columns, std::max(1, int(plot.height()))) };
        update();
    }

    QRectF boundingRect() const override { return m_plot; }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        if (m_plot.isEmpty() || m_want.columnMs <= 0 || m_want.maxLag <= 0)
            return;
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        const QSize pixels = (QSizeF(m_want.size) * dpr).toSize();
        const qint64 shift = m_drawn.columnMs == m_want.columnMs ? m_want.fromMs - m_drawn.fromMs : -1;
        const bool same = m_cache.size() == pixels && m_cache.devicePixelRatio() == dpr && m_drawn.size == m_want.size
            && m_drawn.maxLag == m_want.maxLag && shift >= 0 && shift % m_want.columnMs == 0
            && shift / m_want.columnMs < m_want.size.width() / 2;
        if (!same) {
            m_cache = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
            m_cache.setDevicePixelRatio(dpr);
            m_cache.fill(Qt::transparent);
            m_drawn = m_want;
            draw(0);
            ++fullDraws;
        } else {
            // Scroll left by the columns the axis moved, then draw the newest columns again.
            const int columns = int(shift / m_want.columnMs);
            const int dx = int(std::lround(columns * dpr));
            if (dx > 0) {
                for (int y = 0; y < m_cache.height(); ++y) {
                    auto* line = reinterpret_cast<quint32*>(m_cache.scanLine(y));
                    std::memmove(line, line + dx, size_t(m_cache.width() - dx) * sizeof(quint32));
                    std::fill(line + m_cache.width() - dx, line + m_cache.width(), 0u);
                }
            }
            m_drawn = m_want;
            draw(std::max(0, m_want.size.width() - columns - 3));
        }
        painter->drawImage(m_plot.topLeft(), m_cache);
    }

private:
    struct Geometry
    {
        qint64 fromMs = 0;
        qint64 columnMs = 0;
        double maxLag = 0;
        QSize size;
    };

    // Draws the lines from column `firstColumn` to the right edge into the cache, over what was there.
    void draw(int firstColumn)
    {
        QPainter p(&m_cache);
        const QRectF strip(firstColumn, 0, m_drawn.size.width() - firstColumn, m_drawn.size.height());
        p.setClipRect(strip);
        if (firstColumn > 0) {
            p.setCompositionMode(QPainter::CompositionMode_Source);
            p.fillRect(strip, Qt::transparent);
            p.setCompositionMode(QPainter::CompositionMode_SourceOver);
        }
        const double sx = 1.0 / double(m_drawn.columnMs);
        const double sy = double(m_drawn.size.height()) / m_drawn.maxLag;
        const double height = m_drawn.size.height();
        // Thin cosmetic lines take the rasterizer's fast path; a few lines are drawn wider, to be told apart.
        int shown = 0;
        for (const auto& line : std::as_const(lines))
            shown += line.shown ? 1 : 0;
        // From one column before the strip, so the segment into it is drawn too.
        const double fromTime = double(m_drawn.fromMs) + double(firstColumn - 1) * double(m_drawn.columnMs);
        QPolygonF polygon;
        for (const auto& line : std::as_const(lines)) {
            if (!line.shown || line.points.isEmpty())
                continue;
            QPen pen(line.color, shown <= 16 ? 2 : 1);
            pen.setCosmetic(true);
            p.setPen(pen);
            auto first = std::lower_bound(line.points.cbegin(), line.points.cend(), fromTime,
                [](const QPointF& point, double t) { return point.x() < t; });
            if (first != line.points.cbegin())
                --first;
            polygon.resize(line.points.cend() - first);
            qsizetype i = 0;
            for (auto it = first; it != line.points.cend(); ++it, ++i)
                polygon[i] = QPointF((it->x() - double(m_drawn.fromMs)) * sx, height - it->y() * sy);
            p.drawPolyline(polygon);
        }
    }

    QRectF m_plot;
    Geometry m_want;
    Geometry m_drawn;
    QImage m_cache;
};

QList<std::pair<QString, qint64>> LagCharts::spans()
{
    const qint64 minute = 60 * 1000;
    return { { QStringLiteral("5 min"), 5 * minute }, { QStringLiteral("15 min"), 15 * minute },
        { QStringLiteral("1 h"), 60 * minute }, { QStringLiteral("6 h"), 360 * minute },
        { QStringLiteral("1 day"), 1440 * minute }, { QStringLiteral("7 days"), 7 * 1440 * minute } };
}

LagCharts::LagCharts(LagHistoryModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_span(new QComboBox)
    , m_note(new QLabel)
    , m_lagChart(new QChart)
    , m_timeAxis(new QDateTimeAxis)
    , m_lagAxis(new QValueAxis)
    , m_totalAxis(new QValueAxis)
    , m_total(new QLineSeries)
    , m_anchor(new QLineSeries)
    , m_lines(new LinesItem(m_lagChart))
{
    for (const auto& [name, ms] : spans())
        m_span->addItem(name, ms);
    m_span->setCurrentIndex(1);
    m_span->setToolTip(QStringLiteral("How far back the charts reach (the history file keeps 7 days)"));
    connect(m_span, &QComboBox::currentIndexChanged, this, [this] {
        m_spanMs = m_span->currentData().toLongLong();
        emit spanChanged(m_spanMs);
        scheduleRedraw();
    });
    m_note->setWordWrap(true);

    m_lagChart->setTitle(QStringLiteral("Lag per partition (left) and total lag (right, dashed)"));
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_lagAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_totalAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_lagChart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_lagChart->addAxis(m_lagAxis, Qt::AlignLeft);
    m_lagChart->addAxis(m_totalAxis, Qt::AlignRight);
    QPen totalPen(Qt::black);
    totalPen.setWidth(2);
    totalPen.setStyle(Qt::DashLine);
    m_total->setPen(totalPen);
    m_total->setName(QStringLiteral("Total"));
    m_lagChart->addSeries(m_total);
    m_total->attachAxis(m_timeAxis);
    m_total->attachAxis(m_totalAxis);
    m_lagChart->addSeries(m_anchor);
    m_anchor->attachAxis(m_timeAxis);
    m_anchor->attachAxis(m_lagAxis);
    m_lagView = makeView(m_lagChart);
    m_lagView->setMinimumHeight(200); // the chart the tab is for: below, its lag axis labels shrink to "..."
    connect(m_lagChart, &QChart::plotAreaChanged, this, &LagCharts::scheduleRedraw);

    auto* barChart = new QChart;
    barChart->setTitle(QStringLiteral("Lag per partition now"));
    m_barView = makeView(barChart);
    m_barView->setMinimumHeight(160); // below, QtCharts elides the axis labels to "..."
    auto* rateChart = new QChart;
    rateChart->setTitle(QStringLiteral("Consumed and produced per second (last minute)"));
    rateChart->legend()->setVisible(true);
    m_rateView = makeView(rateChart);
    m_rateView->chart()->legend()->setVisible(true);
    m_rateView->setMinimumHeight(180);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(QStringLiteral("Span:")));
    controls->addWidget(m_span);
    controls->addWidget(m_note, 1);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_lagView);
    splitter->addWidget(m_barView);
    splitter->addWidget(m_rateView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 1);
    // The three charts need 540 px or more to keep their axis labels: on a small screen they scroll rather than make
    // the window taller than the screen (1366x768 laptops).
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("chartsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(splitter);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(scroll, 1);

    m_redraw.setSingleShot(true);
    m_redraw.setInterval(kRedrawDelayMs);
    connect(&m_redraw, &QTimer::timeout, this, [this] { redrawNow(); });
    connect(m_model, &LagHistoryModel::pointsAppended, this, [this] {
        m_barsDirty = true;
        scheduleRedraw();
    });
    connect(m_model, &LagHistoryModel::visibilityChanged, this, &LagCharts::scheduleRedraw);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        rebuildSeries();
        m_barsDirty = true;
        scheduleRedraw();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        rebuildSeries();
        m_barsDirty = true;
        scheduleRedraw();
    });
    rebuildSeries();
}

QWidget* LagCharts::spanCombo() const
{
    return m_span;
}

void LagCharts::setSpanMs(qint64 spanMs)
{
    for (int i = 0; i < m_span->count(); ++i) {
        if (m_span->itemData(i).toLongLong() == spanMs)
            m_span->setCurrentIndex(i);
    }
}

QList<QPointF> LagCharts::linePoints(int row) const
{
    return row >= 0 && row < m_lines->lines.size() ? m_lines->lines[row].points : QList<QPointF> {};
}

int LagCharts::fullLineDraws() const
{
    return m_lines->fullDraws;
}

bool LagCharts::lineShown(int row) const
{
    return row >= 0 && row < m_lines->lines.size() && m_lines->lines[row].shown;
}

void LagCharts::scheduleRedraw()
{
    if (!m_redraw.isActive())
        m_redraw.start();
}

void LagCharts::rebuildSeries()
{
    m_lines->lines.clear();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const auto* s = m_model->series(row);
        m_lines->lines.append({ {}, partitionColor(s ? s->partition : -1), false });
    }
    m_decimators = QList<MinMaxDecimator>(m_lines->lines.size());
    m_lines->invalidate();
    m_lines->update();
}

qint64 LagCharts::redrawNow()
{
    QElapsedTimer clock;
    clock.start();
    // One column per pixel, the axis moved by whole columns: the lines' item then only draws what changed.
    const int columns = std::max(1, int(m_lagChart->plotArea().width()));
    const qint64 columnMs = std::max<qint64>(1, m_spanMs / columns);
    const qint64 end = std::max(m_model->lastSampleMs(), QDateTime::currentMSecsSinceEpoch());
    const qint64 to = (end / columnMs + 1) * columnMs;
    const qint64 from = to - columnMs * columns;
    double maxLag = 1;
    m_plottedPoints = 0;
    for (int row = 0; row < m_lines->lines.size(); ++row) {
        const auto* s = m_model->series(row);
        auto& line = m_lines->lines[row];
        const bool shown = s && m_model->isShown(row);
        if (shown != line.shown)
            m_lines->invalidate();
        line.shown = shown;
        if (!line.shown)
            continue;
        line.points = m_decimators[row].update(s->points, from, to, columns);
        for (const auto& p : std::as_const(line.points))
            maxLag = std::max(maxLag, p.y());
        m_plottedPoints += int(line.points.size());
    }
    QList<QPointF> totals;
    double maxTotal = 1;
    for (const auto& [t, v] : m_model->totals()) {
        if (t < from || v < 0)
            continue;
        totals.append({ double(t), double(v) });
        maxTotal = std::max(maxTotal, double(v));
    }
    m_total->replace(totals);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    m_timeAxis->setFormat(m_spanMs > 24LL * 3600 * 1000 ? QStringLiteral("MMM d HH:mm")
            : m_spanMs > 3600 * 1000                    ? QStringLiteral("HH:mm")
                                                        : QStringLiteral("HH:mm:ss"));
    const double lagTop = niceCeiling(maxLag * 1.05);
    m_lagAxis->setRange(0, lagTop);
    m_totalAxis->setRange(0, niceCeiling(maxTotal * 1.05));
    m_lines->setGeometry(m_lagChart->plotArea(), from, columnMs, columns, lagTop);
    if (m_barsDirty)
        redrawBars();
    m_note->setText(m_model->rowCount() == 0
            ? QStringLiteral("No samples yet: the group is sampled every few seconds while it is open or pinned.")
            : QStringLiteral("%1 partition(s), %2 points drawn").arg(m_model->rowCount()).arg(m_plottedPoints));
    m_lastRedrawUs = clock.nsecsElapsed() / 1000;
    return m_lastRedrawUs;
}

void LagCharts::redrawBars()
{
    m_barsDirty = false;
    QStringList categories;
    for (int row = 0; row < m_model->rowCount(); ++row)
        categories << categoryFor(*m_model, row);
    const int n = int(m_model->rowCount());
    const auto lagNow = [&](int row) {
        return m_model->index(row, LagHistoryModel::LagColumn).data(LagHistoryModel::SortRole).toDouble();
    };
    const auto rateOf = [&](int row, int column) {
        return std::max(0.0, m_model->index(row, column).data(LagHistoryModel::SortRole).toDouble());
    };
    if (categories == m_barCategories && m_barValues && m_rateValues) {
        // The same partitions: a new sample replaces the bars' values, the charts keep their items.
        double maxLag = 1;
        double maxRate = 1;
        for (int row = 0; row < n; ++row) {
            const double lag = std::max(0.0, lagNow(row));
            maxLag = std::max(maxLag, lag);
            if (m_lagBars.size() == 1)
                m_lagBars[0]->replace(row, lag);
            else
                m_lagBars[row]->replace(row, lag);
            const double c = rateOf(row, LagHistoryModel::ConsumeRateColumn);
            const double p = rateOf(row, LagHistoryModel::ProduceRateColumn);
            m_consumedBars->replace(row, c);
            m_producedBars->replace(row, p);
            maxRate = std::max({ maxRate, c, p });
        }
        m_barValues->setRange(0, maxLag * 1.05);
        m_rateValues->setRange(0, maxRate * 1.1);
        return;
    }
    m_barCategories = categories;
    m_lagBars.clear();

    // Lag now: a coloured set per partition (stacked, one non-zero value each) while that stays readable.
    QChart* bars = m_barView->chart();
    bars->removeAllSeries();
    for (auto* axis : bars->axes()) {
        bars->removeAxis(axis);
        delete axis;
    }
    auto* categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    auto* valueAxis = new QValueAxis;
    valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    double maxLag = 1;
    if (n <= kMaxColouredBars) {
        auto* series = new QStackedBarSeries;
        for (int row = 0; row < n; ++row) {
            auto* set = new QBarSet(categories[row]);
            const auto* s = m_model->series(row);
            set->setColor(partitionColor(s ? s->partition : -1));
            set->setBorderColor(set->color());
            for (int i = 0; i < n; ++i)
                set->append(i == row ? std::max(0.0, lagNow(row)) : 0.0);
            maxLag = std::max(maxLag, lagNow(row));
            series->append(set);
            m_lagBars.append(set);
        }
        bars->addSeries(series);
        bars->addAxis(categoryAxis, Qt::AlignBottom);
        bars->addAxis(valueAxis, Qt::AlignLeft);
        series->attachAxis(categoryAxis);
        series->attachAxis(valueAxis);
    } else {
        auto* series = new QBarSeries;
        auto* set = new QBarSet(QStringLiteral("Lag"));
        for (int row = 0; row < n; ++row) {
            set->append(std::max(0.0, lagNow(row)));
            maxLag = std::max(maxLag, lagNow(row));
        }
        series->append(set);
        m_lagBars.append(set);
        bars->addSeries(series);
        bars->addAxis(categoryAxis, Qt::AlignBottom);
        bars->addAxis(valueAxis, Qt::AlignLeft);
        series->attachAxis(categoryAxis);
        series->attachAxis(valueAxis);
    }
    valueAxis->setRange(0, maxLag * 1.05);
    categoryAxis->setLabelsVisible(n <= 32);
    m_barValues = valueAxis;

    // Rates: consumed and produced per partition.
    QChart* rates = m_rateView->chart();
    rates->removeAllSeries();
    for (auto* axis : rates->axes()) {
        rates->removeAxis(axis);
        delete axis;
    }
    auto* rateSeries = new QBarSeries;
    auto* consumed = new QBarSet(QStringLiteral("consumed/s"));
    auto* produced = new QBarSet(QStringLiteral("produced/s"));
    consumed->setColor(QColor(0x1a, 0x73, 0xe8));
    produced->setColor(QColor(0xe3, 0x74, 0x00));
    double maxRate = 1;
    for (int row = 0; row < n; ++row) {
        const double c = rateOf(row, LagHistoryModel::ConsumeRateColumn);
        const double p = rateOf(row, LagHistoryModel::ProduceRateColumn);
        consumed->append(c);
        produced->append(p);
        maxRate = std::max({ maxRate, c, p });
    }
    rateSeries->append(consumed);
    rateSeries->append(produced);
    rates->addSeries(rateSeries);
    auto* rateCategories = new QBarCategoryAxis;
    rateCategories->append(categories);
    rateCategories->setLabelsVisible(n <= 32);
    auto* rateValues = new QValueAxis;
    rateValues->setRange(0, maxRate * 1.1);
    rateValues->setLabelFormat(QStringLiteral("%.1f"));
    rates->addAxis(rateCategories, Qt::AlignBottom);
    rates->addAxis(rateValues, Qt::AlignLeft);
    rateSeries->attachAxis(rateCategories);
    rateSeries->attachAxis(rateValues);
    m_consumedBars = consumed;
    m_producedBars = produced;
    m_rateValues = rateValues;
}

} // namespace kafscope
