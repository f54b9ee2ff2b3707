#pragma once
// The lag charts of one group (QtCharts), fed by a LagHistoryModel: lag per partition over time (a line per
// partition in the live pane's partition colours, toggled by the model's check boxes) with the total on its own
// axis; the current lag per partition as bars; the consume and produce rate per partition. Spans from 5 minutes to
// 7 days. Series are decimated to the plot's pixel width (min and max per pixel column, so spikes survive) and
// redraws are batched: a new sample marks the charts dirty, one timer redraws them.
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
    QLineSeries* lagSeries(int row) const; // for tests; nullptr when the row has none
    QLineSeries* totalSeries() const { return m_total; }
    QWidget* spanCombo() const;

signals:
    void spanChanged(qint64 spanMs);

private:
    void scheduleRedraw();
    void rebuildSeries();
    void redrawBars();

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
    QList<QLineSeries*> m_lines; // one per model row
    QList<MinMaxDecimator> m_decimators; // one per model row: a new sample only re-decimates its own column
    QTimer m_redraw;
    bool m_barsDirty = true;
    qint64 m_lastRedrawUs = 0;
    int m_plottedPoints = 0;
};

} // namespace kafscope
