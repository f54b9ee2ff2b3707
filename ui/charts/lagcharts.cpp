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
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

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

} // namespace

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
    m_lagView = makeView(m_lagChart);

    auto* barChart = new QChart;
    barChart->setTitle(QStringLiteral("Lag per partition now"));
    m_barView = makeView(barChart);
    auto* rateChart = new QChart;
    rateChart->setTitle(QStringLiteral("Consumed and produced per second (last minute)"));
    rateChart->legend()->setVisible(true);
    m_rateView = makeView(rateChart);
    m_rateView->chart()->legend()->setVisible(true);

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
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);

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

QLineSeries* LagCharts::lagSeries(int row) const
{
    return row >= 0 && row < m_lines.size() ? m_lines[row] : nullptr;
}

void LagCharts::scheduleRedraw()
{
    if (!m_redraw.isActive())
        m_redraw.start();
}

void LagCharts::rebuildSeries()
{
    for (auto* line : std::as_const(m_lines)) {
        m_lagChart->removeSeries(line);
        delete line;
    }
    m_lines.clear();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        auto* line = new QLineSeries;
        const auto* s = m_model->series(row);
        line->setName(s ? QStringLiteral("%1-%2").arg(s->topic).arg(s->partition) : QString());
        QPen pen(partitionColor(s ? s->partition : -1));
        pen.setWidthF(1.5);
        line->setPen(pen);
        line->setUseOpenGL(false);
        m_lagChart->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_lagAxis);
        m_lines.append(line);
    }
    m_decimators = QList<MinMaxDecimator>(m_lines.size());
}

qint64 LagCharts::redrawNow()
{
    QElapsedTimer clock;
    clock.start();
    const qint64 to = std::max(m_model->lastSampleMs(), QDateTime::currentMSecsSinceEpoch());
    const qint64 from = to - m_spanMs;
    const int columns = std::max(50, int(m_lagChart->plotArea().width()));
    double maxLag = 1;
    m_plottedPoints = 0;
    for (int row = 0; row < m_lines.size(); ++row) {
        const auto* s = m_model->series(row);
        auto* line = m_lines[row];
        if (!s || !m_model->isShown(row)) {
            line->setVisible(false);
            continue;
        }
        const QList<QPointF>& points = m_decimators[row].update(s->points, from, to, columns);
        for (const auto& p : points)
            maxLag = std::max(maxLag, p.y());
        line->replace(points);
        line->setVisible(true);
        m_plottedPoints += int(points.size());
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
    m_lagAxis->setRange(0, maxLag * 1.05);
    m_totalAxis->setRange(0, maxTotal * 1.05);
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

    // Lag now: a coloured set per partition (stacked, one non-zero value each) while that stays readable.
    QChart* bars = m_barView->chart();
    bars->removeAllSeries();
    for (auto* axis : bars->axes())
        bars->removeAxis(axis);
    const int n = int(m_model->rowCount());
    const auto lagNow = [&](int row) {
        return m_model->index(row, LagHistoryModel::LagColumn).data(LagHistoryModel::SortRole).toDouble();
    };
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
        bars->addSeries(series);
        bars->addAxis(categoryAxis, Qt::AlignBottom);
        bars->addAxis(valueAxis, Qt::AlignLeft);
        series->attachAxis(categoryAxis);
        series->attachAxis(valueAxis);
    }
    valueAxis->setRange(0, maxLag * 1.05);
    categoryAxis->setLabelsVisible(n <= 32);

    // Rates: consumed and produced per partition.
    QChart* rates = m_rateView->chart();
    rates->removeAllSeries();
    for (auto* axis : rates->axes())
        rates->removeAxis(axis);
    auto* rateSeries = new QBarSeries;
    auto* consumed = new QBarSet(QStringLiteral("consumed/s"));
    auto* produced = new QBarSet(QStringLiteral("produced/s"));
    consumed->setColor(QColor(0x1a, 0x73, 0xe8));
    produced->setColor(QColor(0xe3, 0x74, 0x00));
    double maxRate = 1;
    for (int row = 0; row < n; ++row) {
        const double c = std::max(
            0.0, m_model->index(row, LagHistoryModel::ConsumeRateColumn).data(LagHistoryModel::SortRole).toDouble());
        const double p = std::max(
            0.0, m_model->index(row, LagHistoryModel::ProduceRateColumn).data(LagHistoryModel::SortRole).toDouble());
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
}

} // namespace kafscope
