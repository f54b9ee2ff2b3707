#pragma once
// The lag history for the GUI: LagHistoryStore on a thread of its own, so no SQLite write or query ever runs on the
// GUI thread. Writes are fire-and-forget; reads answer in the GUI thread, unless `context` is gone by then.
#include "kafka/lag/historystore.h"

#include <QObject>
#include <functional>
#include <memory>

class QThread;

namespace kafscope::lag {

class LagHistory : public QObject
{
    Q_OBJECT
public:
    explicit LagHistory(const QString& path, HistoryRetention retention = {}, QObject* parent = nullptr);
    ~LagHistory() override; // never waits: the thread closes the file and ends in the background
    // The file in the user's data directory, or $KAFSCOPE_LAG_HISTORY when set.
    static QString defaultPath();

    const QString& path() const { return m_path; }
    void record(const QString& group, qint64 timeMs, const QList<PartitionSample>& partitions);
    void recordTotals(qint64 timeMs, const QList<std::pair<QString, std::optional<int64_t>>>& totals);
    void load(const QString& group, qint64 fromMs, qint64 toMs, QObject* context,
        std::function<void(const QList<PartitionHistory>&)> done);
    void loadTotals(const QString& group, qint64 fromMs, qint64 toMs, QObject* context,
        std::function<void(const QList<std::pair<qint64, int64_t>>&)> done);
    void exportCsv(const QString& group, qint64 fromMs, qint64 toMs, const QString& file, QObject* context,
        std::function<void(bool ok, const QString& error)> done);
    // The file's size in use and whether it opened, answered like a read.
    void status(QObject* context, std::function<void(bool open, qint64 bytes, const QString& error)> done);

private:
    struct Holder;
    template <typename F> void onWorker(F&& f);

    QString m_path;
    QThread* m_thread;
    QObject* m_worker; // lives in m_thread
    std::shared_ptr<Holder> m_holder;
};

} // namespace kafscope::lag
