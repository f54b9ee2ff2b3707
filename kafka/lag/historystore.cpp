#include "kafka/lag/historystore.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QVariant>
#include <algorithm>

namespace kafscope::lag {

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kQuarter = 15 * kMinute;

QVariant nullableInt(int64_t v)
{
    return v < 0 ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(qlonglong(v));
}

int64_t intOr(const QVariant& v, int64_t none = -1)
{
    return v.isNull() ? none : v.toLongLong();
}

// Folds a sample into an aggregate bucket: min and max over the known lags, the last lag and offsets.
QString upsertAggregate(const char* table)
{
    return QStringLiteral(
        "INSERT INTO %1(series, bucket, lag_min, lag_max, lag_last, committed, latest) VALUES(?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(bucket, series) DO UPDATE SET "
        "lag_min = CASE WHEN excluded.lag_min IS NULL THEN lag_min WHEN lag_min IS NULL THEN excluded.lag_min "
        "ELSE min(lag_min, excluded.lag_min) END, "
        "lag_max = CASE WHEN excluded.lag_max IS NULL THEN lag_max WHEN lag_max IS NULL THEN excluded.lag_max "
        "ELSE max(lag_max, excluded.lag_max) END, "
        "lag_last = excluded.lag_last, committed = excluded.committed, latest = excluded.latest")
        .arg(QLatin1String(table));
}

} // namespace

LagHistoryStore::LagHistoryStore(const QString& path, HistoryRetention retention, const QString& connectionName)
    : m_path(path)
    , m_connection(connectionName)
    , m_retention(retention)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    if (!db.isValid()) {
        m_error = QStringLiteral("SQLite is not available to Qt (install Debian's libqt6sql6-sqlite).");
        return;
    }
    db.setDatabaseName(path);
    if (!db.open()) {
        m_error = QStringLiteral("Cannot open the lag history %1: %2").arg(path, db.lastError().text());
        return;
    }
    // auto_vacuum only takes effect before the first table exists: a new file gives space back incrementally.
    m_open = exec(QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"))
        && exec(QStringLiteral("PRAGMA journal_mode = WAL")) && exec(QStringLiteral("PRAGMA synchronous = NORMAL"))
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS series(id INTEGER PRIMARY KEY, grp TEXT NOT NULL, "
                               "topic TEXT NOT NULL, part INTEGER NOT NULL, UNIQUE(grp, topic, part))"))
        // Keyed by time first: pruning deletes a range at the start of the tree, and no second index is needed
        // (an index on t doubled the file).
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS raw(series INTEGER NOT NULL, t INTEGER NOT NULL, "
                               "committed INTEGER, latest INTEGER, PRIMARY KEY(t, series)) WITHOUT ROWID"));
    for (const char* table : { "agg1m", "agg15m" }) {
        m_open = m_open
            && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS %1(series INTEGER NOT NULL, bucket INTEGER NOT NULL, "
                                   "lag_min INTEGER, lag_max INTEGER, lag_last INTEGER, committed INTEGER, "
                                   "latest INTEGER, PRIMARY KEY(bucket, series)) WITHOUT ROWID")
                        .arg(QLatin1String(table)));
    }
    m_open = m_open
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS totals(grp TEXT NOT NULL, t INTEGER NOT NULL, "
                               "lag INTEGER, PRIMARY KEY(grp, t)) WITHOUT ROWID"));
}

LagHistoryStore::~LagHistoryStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool LagHistoryStore::exec(const QString& sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql)) {
        m_error = QStringLiteral("Lag history: %1 (%2)").arg(q.lastError().text(), sql.left(60));
        return false;
    }
    return true;
}

int LagHistoryStore::seriesId(const QString& group, const QString& topic, int32_t partition)
{
    const QString key = group + QChar(0) + topic + QChar(0) + QString::number(partition);
    if (const auto it = m_seriesIds.constFind(key); it != m_seriesIds.cend())
        return *it;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT id FROM series WHERE grp = ? AND topic = ? AND part = ?"));
    find.addBindValue(group);
    find.addBindValue(topic);
    find.addBindValue(partition);
    if (find.exec() && find.next()) {
        m_seriesIds.insert(key, find.value(0).toInt());
        return find.value(0).toInt();
    }
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO series(grp, topic, part) VALUES(?, ?, ?)"));
    insert.addBindValue(group);
    insert.addBindValue(topic);
    insert.addBindValue(partition);
    if (!insert.exec())
        return -1;
    m_seriesIds.insert(key, insert.lastInsertId().toInt());
    return insert.lastInsertId().toInt();
}

bool LagHistoryStore::record(const QString& group, qint64 timeMs, const QList<PartitionSample>& partitions)
{
    if (!m_open)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    QSqlQuery raw(db);
    raw.prepare(QStringLiteral("INSERT OR REPLACE INTO raw(series, t, committed, latest) VALUES(?, ?, ?, ?)"));
    QSqlQuery minute(db);
    minute.prepare(upsertAggregate("agg1m"));
    QSqlQuery quarter(db);
    quarter.prepare(upsertAggregate("agg15m"));
    bool ok = true;
    for (const auto& p : partitions) {
        const int id = seriesId(group, p.topic, p.partition);
        if (id < 0) {
            ok = false;
            break;
        }
        const int64_t committed = p.committed.value_or(-1);
        const int64_t lag = committed >= 0 && p.latest >= 0 ? std::max<int64_t>(0, p.latest - committed) : -1;
        raw.bindValue(0, id);
        raw.bindValue(1, timeMs);
        raw.bindValue(2, nullableInt(committed));
        raw.bindValue(3, nullableInt(p.latest));
        ok = ok && raw.exec();
        for (const auto& [q, bucket] : { std::pair { &minute, kMinute }, std::pair { &quarter, kQuarter } }) {
            q->bindValue(0, id);
            q->bindValue(1, timeMs - timeMs % bucket);
            q->bindValue(2, nullableInt(lag));
            q->bindValue(3, nullableInt(lag));
            q->bindValue(4, nullableInt(lag));
            q->bindValue(5, nullableInt(committed));
            q->bindValue(6, nullableInt(p.latest));
            ok = ok && q->exec();
        }
        if (!ok)
            break;
    }
    if (!ok) {
        m_error = QStringLiteral("Lag history: %1").arg(db.lastError().text());
        db.rollback();
        return false;
    }
    db.commit();
    if (timeMs - m_lastPrune >= kMinute)
        prune(timeMs);
    return true;
}

bool LagHistoryStore::recordTotals(qint64 timeMs, const QList<std::pair<QString, std::optional<int64_t>>>& totals)
{
    if (!m_open)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO totals(grp, t, lag) VALUES(?, ?, ?)"));
    for (const auto& [group, total] : totals) {
        q.bindValue(0, group);
        q.bindValue(1, timeMs);
        q.bindValue(2, nullableInt(total.value_or(-1)));
        if (!q.exec()) {
            m_error = QStringLiteral("Lag history: %1").arg(q.lastError().text());
            db.rollback();
            return false;
        }
    }
    db.commit();
    return true;
}

qint64 LagHistoryStore::oldestTime() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("SELECT min(m) FROM (SELECT min(t) AS m FROM raw UNION ALL SELECT min(bucket) FROM agg1m "
                          "UNION ALL SELECT min(bucket) FROM agg15m UNION ALL SELECT min(t) FROM totals)"));
    return q.next() && !q.value(0).isNull() ? q.value(0).toLongLong() : -1;
}

void LagHistoryStore::prune(qint64 nowMs)
{
    if (!m_open)
        return;
    m_lastPrune = nowMs;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const auto drop = [&](const char* table, const char* column, qint64 before) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 < ?").arg(QLatin1String(table), QLatin1String(column)));
        q.addBindValue(before);
        q.exec();
    };
    drop("raw", "t", nowMs - m_retention.rawMs);
    drop("agg1m", "bucket", nowMs - m_retention.aggregateMs);
    drop("agg15m", "bucket", nowMs - m_retention.aggregateMs);
    drop("totals", "t", nowMs - m_retention.aggregateMs);
    // Over the cap: the oldest hour of everything goes, again until the data fits.
    for (int round = 0; round < 10000 && fileBytes() > m_retention.maxBytes; ++round) {
        const qint64 oldest = oldestTime();
        if (oldest < 0)
            break;
        const qint64 cut = oldest + 3600 * 1000;
        drop("raw", "t", cut);
        drop("agg1m", "bucket", cut);
        drop("agg15m", "bucket", cut);
        drop("totals", "t", cut);
    }
    QSqlQuery(db).exec(QStringLiteral("PRAGMA incremental_vacuum"));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

Resolution LagHistoryStore::resolutionFor(qint64 fromMs, qint64 toMs, qint64 nowMs, const HistoryRetention& retention)
{
    if (fromMs >= nowMs - retention.rawMs)
        return Resolution::Raw;
    if (toMs - fromMs <= 2LL * 24 * 3600 * 1000)
        return Resolution::Minute;
    return Resolution::FifteenMinutes;
}

QList<PartitionHistory> LagHistoryStore::load(
    const QString& group, qint64 fromMs, qint64 toMs, std::optional<Resolution> resolution) const
{
    QList<PartitionHistory> out;
    if (!m_open)
        return out;
    const Resolution r
        = resolution.value_or(resolutionFor(fromMs, toMs, QDateTime::currentMSecsSinceEpoch(), m_retention));
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (r == Resolution::Raw) {
        q.prepare(QStringLiteral("SELECT s.topic, s.part, r.t, r.committed, r.latest FROM series s JOIN raw r "
                                 "ON r.series = s.id WHERE s.grp = ? AND r.t >= ? AND r.t <= ? "
                                 "ORDER BY s.topic, s.part, r.t"));
    } else {
        q.prepare(QStringLiteral("SELECT s.topic, s.part, a.bucket, a.committed, a.latest, a.lag_min, a.lag_max, "
                                 "a.lag_last FROM series s JOIN %1 a ON a.series = s.id WHERE s.grp = ? "
                                 "AND a.bucket >= ? AND a.bucket <= ? ORDER BY s.topic, s.part, a.bucket")
                      .arg(r == Resolution::Minute ? QStringLiteral("agg1m") : QStringLiteral("agg15m")));
    }
    q.addBindValue(group);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec())
        return out;
    while (q.next()) {
        const QString topic = q.value(0).toString();
        const int32_t partition = q.value(1).toInt();
        if (out.isEmpty() || out.last().topic != topic || out.last().partition != partition)
            out.append(PartitionHistory { topic, partition, {} });
        HistoryPoint p;
        p.timeMs = q.value(2).toLongLong();
        p.committed = intOr(q.value(3));
        p.latest = intOr(q.value(4));
        if (r == Resolution::Raw) {
            const int64_t lag = p.committed >= 0 && p.latest >= 0 ? std::max<int64_t>(0, p.latest - p.committed) : -1;
            p.lagMin = p.lagMax = p.lagLast = lag;
        } else {
            p.lagMin = intOr(q.value(5));
            p.lagMax = intOr(q.value(6));
            p.lagLast = intOr(q.value(7));
        }
        out.last().points.append(p);
    }
    return out;
}

QList<std::pair<qint64, int64_t>> LagHistoryStore::loadTotals(const QString& group, qint64 fromMs, qint64 toMs) const
{
    QList<std::pair<qint64, int64_t>> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT t, lag FROM totals WHERE grp = ? AND t >= ? AND t <= ? ORDER BY t"));
    q.addBindValue(group);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (q.exec()) {
        while (q.next())
            out.append({ q.value(0).toLongLong(), intOr(q.value(1)) });
    }
    return out;
}

QStringList LagHistoryStore::groups() const
{
    QStringList out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT DISTINCT grp FROM series UNION SELECT DISTINCT grp FROM totals ORDER BY 1"))) {
        while (q.next())
            out << q.value(0).toString();
    }
    return out;
}

bool LagHistoryStore::exportCsv(
    const QString& group, qint64 fromMs, qint64 toMs, const QString& file, QString* error) const
{
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("Cannot write %1: %2").arg(file, f.errorString());
        return false;
    }
    QTextStream s(&f);
    s << "time,time_ms,topic,partition,committed,latest,lag,lag_min,lag_max\n";
    const auto cell = [](int64_t v) { return v < 0 ? QString() : QString::number(v); };
    // The finest resolution that has the range.
    QList<PartitionHistory> data;
    for (const Resolution r : { Resolution::Raw, Resolution::Minute, Resolution::FifteenMinutes }) {
        data = load(group, fromMs, toMs, r);
        if (!data.isEmpty())
            break;
    }
    for (const auto& series : std::as_const(data)) {
        QString topic = series.topic;
        if (topic.contains(QLatin1Char(',')) || topic.contains(QLatin1Char('"')))
            topic = QLatin1Char('"') + topic.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        for (const auto& p : series.points) {
            s << QDateTime::fromMSecsSinceEpoch(p.timeMs, Qt::UTC).toString(Qt::ISODateWithMs) << ',' << p.timeMs << ','
              << topic << ',' << series.partition << ',' << cell(p.committed) << ',' << cell(p.latest) << ','
              << cell(p.lagLast) << ',' << cell(p.lagMin) << ',' << cell(p.lagMax) << '\n';
        }
    }
    s.flush();
    if (f.error() != QFile::NoError) {
        if (error)
            *error = QStringLiteral("Cannot write %1: %2").arg(file, f.errorString());
        return false;
    }
    return true;
}

qint64 LagHistoryStore::fileBytes() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    qint64 pages = 0;
    qint64 freePages = 0;
    qint64 pageSize = 4096;
    if (q.exec(QStringLiteral("PRAGMA page_count")) && q.next())
        pages = q.value(0).toLongLong();
    if (q.exec(QStringLiteral("PRAGMA freelist_count")) && q.next())
        freePages = q.value(0).toLongLong();
    if (q.exec(QStringLiteral("PRAGMA page_size")) && q.next())
        pageSize = q.value(0).toLongLong();
    return (pages - freePages) * pageSize;
}

qint64 LagHistoryStore::rowCount(const QString& table) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) && q.next())
        return q.value(0).toLongLong();
    return -1;
}

} // namespace kafscope::lag
