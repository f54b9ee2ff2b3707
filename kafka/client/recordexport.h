#pragma once
// The export formats of consumed records, shared by the GUI's export and `kafscope-cli consume --json`.
// JSON Lines, one object per record:
//   {"topic","partition","offset","timestamp","timestamp_type","key","key_encoding","value","value_encoding",
//    "headers":[{"key","value","value_encoding"}]}
// key/value are null for null, else the text when the bytes are valid UTF-8 ("utf8"), else base64 ("base64").
#include "kafka/client/record.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

class QIODevice;

namespace kafscope::record_export {

QByteArray toJsonLine(const QString& topic, const Record& record); // ends with '\n'
// Parses one JSON line back into a record (topic in *topic); nullopt with *error set when malformed.
std::optional<Record> fromJsonLine(const QByteArray& line, QString* topic, QString* error);

// CSV (RFC 4180): header row, then topic,partition,offset,timestamp,timestamp_type,key,key_encoding,value,
// value_encoding,headers (headers as a JSON array).
QByteArray csvHeader();
QByteArray toCsvRow(const QString& topic, const Record& record);

// True when the bytes are valid UTF-8 (and so exported as text).
bool isValidUtf8(QByteArrayView bytes);

// Writes `records` to `path` as JSON Lines (or CSV with its header), atomically (QSaveFile); empty on success, else
// the reason. Takes long for big values: run it off the GUI thread (a JobTracker job).
QString writeFile(const QString& path, bool csv, const QString& topic, const std::vector<Record>& records);

} // namespace kafscope::record_export
