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
constexpr int kFormat = 2; // PRAGMA user_version: 2 = frames (1 was a row per partition and time)

struct TableSpec
{
    const char* name;
    qint64 bucketMs; // 1: every sample is its own frame
    qint64 keyEveryMs; // a key frame at least this often, so pruning and loading never go back far
    FrameKind kind;
};

constexpr std::array<TableSpec, 3> kTables { {
    { "raw", 1, 5 * kMinute, FrameKind::Raw },
    { "agg1m", kMinute, 60 * kMinute, FrameKind::Aggregate },
    { "agg15m", kQuarter, 60 * kMinute, FrameKind::Aggregate },
} };

QVariant nullableInt(int64_t v)
{
    return v < 0 ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(qlonglong(v));
}

int64_t intOr(const QVariant& v, int64_t none = -1)
{
    return v.isNull() ? none : v.toLongLong();
}

// The frames of a chain from the key frame that `fromMs` needs on: the last key frame at or before the first frame
// at or after `fromMs`.
QString chainQuery(const char* table, bool tail)
{
    return tail ? QStringLiteral("SELECT t, key, data FROM %1 WHERE grp = :g AND t >= coalesce((SELECT max(t) FROM %1 "
                                 "WHERE grp = :g AND key = 1), 0) ORDER BY t")
                      .arg(QLatin1String(table))
                : QStringLiteral("SELECT t, key, data FROM %1 WHERE grp = :g AND t <= :to AND t >= coalesce((SELECT "
                                 "max(t) FROM %1 WHERE grp = :g AND key = 1 AND t <= :from), 0) ORDER BY t")
                      .arg(QLatin1String(table));
}

// Walks the frames a query returned, decoding each against the one before; after a frame that does not decode,
// frames are skipped up to the next key frame. `visit(t, key, frame)`. Returns the last row's time (-1: none).
template <typename Visit> qint64 decodeChain(QSqlQuery& q, FrameKind kind, Visit&& visit)
{
    std::optional<Frame> last;
    qint64 lastT = -1;
    while (q.next()) {
        lastT = q.value(0).toLongLong();
        const bool key = q.value(1).toInt() != 0;
        if (!key && !last)
            continue;
        last = decodeFrame(kind, q.value(2).toByteArray(), key ? nullptr : &*last);
        if (last)
            visit(lastT, key, *last);
    }
    return lastT;
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
        && exec(QStringLiteral("PRAGMA journal_mode = WAL")) && exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    int format = 0;
    if (QSqlQuery q(db); q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        format = q.value(0).toInt();
    if (m_open && format < kFormat) {
        // A file of the row-per-partition format of earlier builds: its samples are not carried over.
        for (const char* table : { "raw", "agg1m", "agg15m", "series" })
            m_open = m_open && exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(QLatin1String(table)));
        m_open = m_open && exec(QStringLiteral("PRAGMA user_version = %1").arg(kFormat));
    }
    m_open = m_open
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS grp(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"))
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS series(id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, "
                               "topic TEXT NOT NULL, part INTEGER NOT NULL, UNIQUE(grp, topic, part))"));
    for (const auto& table : kTables) {
        m_open = m_open
            && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS %1(grp INTEGER NOT NULL, t INTEGER NOT NULL, "
                                   "key INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY(grp, t))")
                        .arg(QLatin1String(table.name)));
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

int LagHistoryStore::groupId(const QString& group, bool create)
{
    if (const auto it = m_groupIds.constFind(group); it != m_groupIds.cend())
        return *it;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT id FROM grp WHERE name = ?"));
    find.addBindValue(group);
    if (find.exec() && find.next()) {
        m_groupIds.insert(group, find.value(0).toInt());
        return find.value(0).toInt();
    }
    if (!create)
        return -1;
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO grp(name) VALUES(?)"));
    insert.addBindValue(group);
    if (!insert.exec())
        return -1;
    m_groupIds.insert(group, insert.lastInsertId().toInt());
    return insert.lastInsertId().toInt();
}

int LagHistoryStore::seriesId(int groupId, const QString& topic, int32_t partition)
{
    const QString key = QString::number(groupId) + QChar(0) + topic + QChar(0) + QString::number(partition);
    if (const auto it = m_seriesIds.constFind(key); it != m_seriesIds.cend())
        return *it;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT id FROM series WHERE grp = ? AND topic = ? AND part = ?"));
    find.addBindValue(groupId);
    find.addBindValue(topic);
    find.addBindValue(partition);
    if (find.exec() && find.next()) {
        m_seriesIds.insert(key, find.value(0).toInt());
        return find.value(0).toInt();
    }
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO series(grp, topic, part) VALUES(?, ?, ?)"));
    insert.addBindValue(groupId);
    insert.addBindValue(topic);
    insert.addBindValue(partition);
    if (!insert.exec())
        return -1;
    m_seriesIds.insert(key, insert.lastInsertId().toInt());
    return insert.lastInsertId().toInt();
}

LagHistoryStore::Chain LagHistoryStore::restoreChain(int table, int groupId) const
{
    Chain chain;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(chainQuery(kTables[table].name, true));
    q.bindValue(QStringLiteral(":g"), groupId);
    if (!q.exec())
        return chain;
    const qint64 lastT = decodeChain(q, kTables[table].kind, [&](qint64 t, bool key, const Frame& frame) {
        chain.previous = std::move(chain.current);
        chain.current = frame;
        chain.t = t;
        chain.key = key;
        if (key)
            chain.keyT = t;
    });
    if (lastT != chain.t) {
        // The last frames do not decode (a damaged file): the next frame is a key frame after them.
        chain = Chain {};
        chain.t = chain.keyT = lastT;
        chain.key = true;
    }
    if (chain.key)
        chain.previous.clear();
    return chain;
}

bool LagHistoryStore::record(const QString& group, qint64 timeMs, const QList<PartitionSample>& partitions)
{
    if (!m_open)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    const int gid = groupId(group, true);
    Frame sample;
    sample.reserve(partitions.size());
    bool ok = gid >= 0;
    for (const auto& p : partitions) {
        const int id = ok ? seriesId(gid, p.topic, p.partition) : -1;
        ok = ok && id >= 0;
        sample.push_back({ id, { p.committed.value_or(-1), p.latest, -1, -1 } });
    }
    std::sort(sample.begin(), sample.end(), [](const auto& a, const auto& b) { return a.series < b.series; });
    sample.erase(
        std::unique(sample.begin(), sample.end(), [](const auto& a, const auto& b) { return a.series == b.series; }),
        sample.end());
    auto chains = m_chains.find(gid);
    if (ok && chains == m_chains.end()) {
        chains = m_chains.insert(gid, {});
        for (int i = 0; i < int(kTables.size()); ++i)
            (*chains)[i] = restoreChain(i, gid);
    }
    const auto older = [&] {
        for (int i = 0; i < int(kTables.size()); ++i) {
            if (timeMs - timeMs % kTables[i].bucketMs < (*chains)[i].t)
                return true;
        }
        return false;
    };
    if (ok && older()) {
        db.rollback();
        m_error = QStringLiteral("Lag history: a sample of %1 older than its last one was not recorded.").arg(group);
        return false;
    }
    for (int i = 0; ok && i < int(kTables.size()); ++i) {
        const TableSpec& spec = kTables[i];
        Chain& c = (*chains)[i];
        const qint64 bucket = timeMs - timeMs % spec.bucketMs;
        if (bucket != c.t) {
            if (c.t >= 0)
                c.previous = std::move(c.current);
            c.current.clear();
            c.t = bucket;
            c.key = c.previous.empty() || bucket - c.keyT >= spec.keyEveryMs;
            if (c.key) {
                c.keyT = bucket;
                c.previous.clear();
            }
        }
        // Merge the sample into the frame (both sorted by series): a raw frame takes its values, a bucket folds
        // the lag into its min and max and takes the last offsets.
        Frame merged;
        merged.reserve(std::max(c.current.size(), sample.size()));
        auto a = c.current.cbegin();
        auto b = sample.cbegin();
        while (a != c.current.cend() || b != sample.cend()) {
            if (b == sample.cend() || (a != c.current.cend() && a->series < b->series)) {
                merged.push_back(*a++);
                continue;
            }
            FrameEntry e = *b;
            if (spec.kind == FrameKind::Aggregate) {
                const bool same = a != c.current.cend() && a->series == b->series;
                const FrameValues before = same ? a->values : FrameValues {};
                const int64_t lag = lagOf(e.values.committed, e.values.latest);
                e.values.lagMin = lag < 0 ? before.lagMin : before.lagMin < 0 ? lag : std::min(before.lagMin, lag);
                e.values.lagMax = lag < 0 ? before.lagMax : std::max(before.lagMax, lag);
            }
            if (a != c.current.cend() && a->series == b->series)
                ++a;
            ++b;
            merged.push_back(e);
        }
        c.current = std::move(merged);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO %1(grp, t, key, data) VALUES(?, ?, ?, ?)")
                      .arg(QLatin1String(spec.name)));
        q.addBindValue(gid);
        q.addBindValue(bucket);
        q.addBindValue(c.key ? 1 : 0);
        q.addBindValue(encodeFrame(spec.kind, c.current, c.key ? nullptr : &c.previous));
        ok = q.exec();
    }
    if (!ok) {
        m_error = QStringLiteral("Lag history: %1").arg(db.lastError().text());
        db.rollback();
        m_chains.remove(gid); // restored from the file on the next sample
        m_groupIds.clear();
        m_seriesIds.clear();
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
    q.exec(QStringLiteral("SELECT min(m) FROM (SELECT min(t) AS m FROM raw UNION ALL SELECT min(t) FROM agg1m "
                          "UNION ALL SELECT min(t) FROM agg15m UNION ALL SELECT min(t) FROM totals)"));
    return q.next() && !q.value(0).isNull() ? q.value(0).toLongLong() : -1;
}

qint64 LagHistoryStore::dropBefore(int table, qint64 cut)
{
    // Everything before `cut`, except the frames from the key frame on that the first kept frame is decoded from.
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE t < :cut AND t < coalesce((SELECT max(k.t) FROM %1 k WHERE "
                             "k.grp = %1.grp AND k.key = 1 AND k.t <= (SELECT min(n.t) FROM %1 n WHERE n.grp = %1.grp "
                             "AND n.t >= :cut)), :cut)")
                  .arg(QLatin1String(kTables[table].name)));
    q.bindValue(QStringLiteral(":cut"), cut);
    return q.exec() ? q.numRowsAffected() : 0;
}

void LagHistoryStore::prune(qint64 nowMs)
{
    if (!m_open)
        return;
    m_lastPrune = nowMs;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const auto dropTotals = [&](qint64 before) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM totals WHERE t < ?"));
        q.addBindValue(before);
        q.exec();
    };
    qint64 dropped = dropBefore(0, nowMs - m_retention.rawMs) + dropBefore(1, nowMs - m_retention.aggregateMs)
        + dropBefore(2, nowMs - m_retention.aggregateMs);
    dropTotals(nowMs - m_retention.aggregateMs);
    // Over the cap: the oldest hour of everything goes, then the next, until the data fits.
    qint64 cut = -1;
    for (int round = 0; round < 10000 && fileBytes() > m_retention.maxBytes; ++round) {
        const qint64 oldest = oldestTime();
        if (oldest < 0)
            break;
        cut = std::max(cut, oldest) + 3600 * 1000;
        for (int table = 0; table < int(kTables.size()); ++table)
            dropped += dropBefore(table, cut);
        dropTotals(cut);
    }
    if (dropped > 0)
        m_chains.clear(); // restored from what is left on the next sample
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
    const int table = r == Resolution::Raw ? 0 : r == Resolution::Minute ? 1 : 2;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery g(db);
    g.prepare(QStringLiteral("SELECT id FROM grp WHERE name = ?"));
    g.addBindValue(group);
    if (!g.exec() || !g.next())
        return out;
    const int gid = g.value(0).toInt();
    QHash<int, qsizetype> index; // series id -> position in out
    QSqlQuery series(db);
    series.prepare(QStringLiteral("SELECT id, topic, part FROM series WHERE grp = ? ORDER BY topic, part"));
    series.addBindValue(gid);
    if (!series.exec())
        return out;
    while (series.next()) {
        index.insert(series.value(0).toInt(), out.size());
        out.append(PartitionHistory { series.value(1).toString(), series.value(2).toInt(), {} });
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(chainQuery(kTables[table].name, false));
    q.bindValue(QStringLiteral(":g"), gid);
    q.bindValue(QStringLiteral(":from"), fromMs);
    q.bindValue(QStringLiteral(":to"), toMs);
    if (!q.exec())
        return {};
    decodeChain(q, kTables[table].kind, [&](qint64 t, bool, const Frame& frame) {
        if (t < fromMs)
            return;
        for (const auto& e : frame) {
            const auto at = index.constFind(e.series);
            if (at == index.cend())
                continue;
            HistoryPoint p;
            p.timeMs = t;
            p.committed = e.values.committed;
            p.latest = e.values.latest;
            p.lagLast = lagOf(p.committed, p.latest);
            p.lagMin = r == Resolution::Raw ? p.lagLast : e.values.lagMin;
            p.lagMax = r == Resolution::Raw ? p.lagLast : e.values.lagMax;
            out[*at].points.append(p);
        }
    });
    out.removeIf([](const PartitionHistory& h) { return h.points.isEmpty(); });
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
    if (q.exec(QStringLiteral("SELECT name FROM grp UNION SELECT DISTINCT grp FROM totals ORDER BY 1"))) {
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

qint64 LagHistoryStore::dataBytes(const QString& table) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT coalesce(sum(length(data)), 0) FROM %1").arg(table)) && q.next())
        return q.value(0).toLongLong();
    return -1;
}

} // namespace kafscope::lag
