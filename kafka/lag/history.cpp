#include "kafka/lag/history.h"

#include "kafka/background.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>
#include <QThread>

namespace kafscope::lag {

struct LagHistory::Holder
{
    QString path;
    HistoryRetention retention;
    std::unique_ptr<LagHistoryStore> store; // made and used in the worker thread only
    LagHistoryStore& get()
    {
        if (!store) {
            QDir().mkpath(QFileInfo(path).absolutePath());
            store = std::make_unique<LagHistoryStore>(
                path, retention, QStringLiteral("kafscope-lag-history-%1").arg(quintptr(this)));
        }
        return *store;
    }
};

namespace {

// Runs `f` in the application's (GUI) thread, where f checks its QPointer to the caller's context: the pointer is
// only ever read in the thread that owns the context.
template <typename F> void answer(F f)
{
    QMetaObject::invokeMethod(QCoreApplication::instance(), std::move(f), Qt::QueuedConnection);
}

} // namespace

LagHistory::LagHistory(const QString& path, HistoryRetention retention, QObject* parent)
    : QObject(parent)
    , m_path(path)
    , m_thread(new QThread)
    , m_worker(new QObject)
    , m_holder(std::make_shared<Holder>(Holder { path, retention, nullptr }))
{
    m_thread->setObjectName(QStringLiteral("kafscope-lag-history"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
}

LagHistory::~LagHistory()
{
    // The last job closes the file in its own thread, then ends the thread's loop.
    onWorker([holder = m_holder] {
        holder->store.reset();
        QThread::currentThread()->quit();
    });
    adoptFinishingThread(m_thread);
}

QString LagHistory::defaultPath()
{
    const QString fromEnv = qEnvironmentVariable("KAFSCOPE_LAG_HISTORY");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/lag-history.sqlite");
}

template <typename F> void LagHistory::onWorker(F&& f)
{
    QMetaObject::invokeMethod(m_worker, std::forward<F>(f), Qt::QueuedConnection);
}

void LagHistory::record(const QString& group, qint64 timeMs, const QList<PartitionSample>& partitions)
{
    onWorker([holder = m_holder, group, timeMs, partitions] { holder->get().record(group, timeMs, partitions); });
}

void LagHistory::recordTotals(qint64 timeMs, const QList<std::pair<QString, std::optional<int64_t>>>& totals)
{
    onWorker([holder = m_holder, timeMs, totals] { holder->get().recordTotals(timeMs, totals); });
}

void LagHistory::load(const QString& group, qint64 fromMs, qint64 toMs, QObject* context,
    std::function<void(const QList<PartitionHistory>&)> done)
{
    onWorker([holder = m_holder, group, fromMs, toMs, ctx = QPointer<QObject>(context), done] {
        auto result = holder->get().load(group, fromMs, toMs);
        answer([ctx, done, result] {
            if (ctx)
                done(result);
        });
    });
}

void LagHistory::loadTotals(const QString& group, qint64 fromMs, qint64 toMs, QObject* context,
    std::function<void(const QList<std::pair<qint64, int64_t>>&)> done)
{
    onWorker([holder = m_holder, group, fromMs, toMs, ctx = QPointer<QObject>(context), done] {
        auto result = holder->get().loadTotals(group, fromMs, toMs);
        answer([ctx, done, result] {
            if (ctx)
                done(result);
        });
    });
}

void LagHistory::exportCsv(const QString& group, qint64 fromMs, qint64 toMs, const QString& file, QObject* context,
    std::function<void(bool, const QString&)> done)
{
    onWorker([holder = m_holder, group, fromMs, toMs, file, ctx = QPointer<QObject>(context), done] {
        QString error;
        const bool ok = holder->get().exportCsv(group, fromMs, toMs, file, &error);
        answer([ctx, done, ok, error] {
            if (ctx)
                done(ok, error);
        });
    });
}

void LagHistory::status(QObject* context, std::function<void(bool, qint64, const QString&)> done)
{
    onWorker([holder = m_holder, ctx = QPointer<QObject>(context), done] {
        auto& store = holder->get();
        const bool open = store.isOpen();
        const qint64 bytes = open ? store.fileBytes() : 0;
        const QString error = store.error();
        answer([ctx, done, open, bytes, error] {
            if (ctx)
                done(open, bytes, error);
        });
    });
}

} // namespace kafscope::lag
