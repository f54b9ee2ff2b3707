#pragma once
// The lag charts of one group (QtCharts), fed by a LagHistoryModel: lag per partition over time (a line per
// partition in the live pane's partition colours, toggled by the model's check boxes) with the total on its own
// axis; the current lag per partition as bars; the consume and produce rate per partition. Spans from 5 minutes to
// 7 days. Series are decimated to the plot's pixel width (min and max per pixel column, so spikes survive) and
// redraws are batched: a new sample marks the charts dirty, one timer redraws them. The partitions' lines are one
// item in the chart's scene (LagLinesItem: a polyline each, on the chart's axes): a QLineSeries per partition costs
// its outline's stroke on every update (~2 ms for a day's line), 100 of them far over a frame.
#include "models/laghistorymodel.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>
#include <QWidget>

class QAbstractSeries;
class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QStackedBarSeries;
class QValueAxis;

namespace kafscope {

class LagCharts : public QWidget
{
    Q_OBJECT
public:
    explicit LagCharts(LagHistoryModel* model, QWidget* parent = nullptr);

    qint64 spanMs() const { return m_spanMs; }
    void setSpanMs(qint64 spanMs);
    static QList<std::pair<QString, qint64>> spans(); // "5 min" .. "7 days"
    // Redraws at once (the batched redraw calls it); returns how long it took in microseconds.
    qint64 redrawNow();
    qint64 lastRedrawUs() const { return m_lastRedrawUs; }
    int plottedPoints() const { return m_plottedPoints; }
    int fullLineDraws() const; // how often the lines were drawn whole (not only their newest columns)
    // What the row's line draws (time in ms, lag), and whether it is drawn; for tests.
    QList<QPointF> linePoints(int row) const;
    bool lineShown(int row) const;
    QLineSeries* totalSeries() const { return m_total; }
    QWidget* spanCombo() const;

signals:
    void spanChanged(qint64 spanMs);

private:
    class LinesItem;
    void scheduleRedraw();
    void rebuildSeries();
    void redrawBars();
    bool barsMatchModel() const;

    LagHistoryModel* m_model;
    qint64 m_spanMs = 15 * 60 * 1000;
    QComboBox* m_span;
    QLabel* m_note;
    QChartView* m_lagView;
    QChartView* m_barView;
    QChartView* m_rateView;
    QChart* m_lagChart;
    QDateTimeAxis* m_timeAxis;
    QValueAxis* m_lagAxis;
    QValueAxis* m_totalAxis;
    QLineSeries* m_total;
    QLineSeries* m_anchor; // empty, on the time and lag axes, so the lag axis is laid out with no series of its own
    LinesItem* m_lines;
    QList<MinMaxDecimator> m_decimators; // one per model row: a new sample only re-decimates its own column
    QStringList m_barCategories; // what the bar charts were built for: values are replaced in place while it holds
    QList<QBarSet*> m_lagBars;
    QBarSet* m_consumedBars = nullptr;
    QBarSet* m_producedBars = nullptr;
    QValueAxis* m_barValues = nullptr;
    QValueAxis* m_rateValues = nullptr;
    QTimer m_redraw;
    bool m_barsDirty = true;
    qint64 m_lastRedrawUs = 0;
    int m_plottedPoints = 0;
};

} // namespace kafscope
