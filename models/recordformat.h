#pragma once
// Display text for record bytes (keys, values, header values). Pure functions, safe on any thread. Every function
// looks at a bounded prefix only, so a 10 MB value costs what its first few KB cost: the table calls preview() in
// data() for each visible cell on every repaint.

#include <QByteArrayView>
#include <QString>
#include <optional>

namespace kafscope::record_format {

constexpr int kPreviewChars = 200;

// One line for a table cell, at most maxChars characters plus a trailing "…" when cut:
//  - null: "(null)"; empty: "(empty)"
//  - valid UTF-8: the text, control characters shown as visible symbols (newline "⏎", tab "␉", CR "␍", other C0
//    controls as their U+2400 control pictures, DEL "␡", C1 controls and U+2028/2029 as "·"/"⏎")
//  - otherwise: "[binary 1.2 KB] 1f 8b 08 00 …" (size, then the first bytes in hex)
// Only the first 4 * maxChars + 4 bytes are decoded (enough for maxChars characters of any width); validity is judged
// on that prefix, so a value that turns invalid later still previews as text.
QString preview(QByteArrayView bytes, bool isNull, int maxChars = kPreviewChars);

// Classic `hexdump -C` layout, 16 bytes a line:
//   00000000  7b 22 69 64 22 3a 31 7d  0a 00 ff                 |{"id":1}...|
// At most maxBytes are dumped; when more exist, a last line says "… N more bytes not shown (SIZE in total)".
// Lines are joined with '\n' (no trailing newline); empty bytes give an empty string.
QString hexDump(QByteArrayView bytes, qsizetype maxBytes);

// The bytes re-indented (4 spaces) when they are one JSON object or array no larger than maxBytes; nullopt otherwise.
// Re-indents the original text rather than round-tripping through QJsonDocument, which would sort object keys and
// turn 64-bit ids above 2^53 into doubles, both misleading when inspecting messages.
std::optional<QString> prettyJson(QByteArrayView bytes, qsizetype maxBytes);

// The bytes as text for the detail view when they are valid UTF-8 (judged on the decoded prefix, as preview()),
// otherwise nullopt (show hexDump() instead). Control characters are kept. Beyond maxChars characters the text is
// cut and ends with a note: "\n\n… 9.8 MB more not shown (10.0 MB in total)".
std::optional<QString> text(QByteArrayView bytes, qsizetype maxChars);

// "0 B", "512 B", "1.2 KB", "10.0 MB" (1024-based, one decimal, the default locale's decimal separator).
QString humanSize(qint64 bytes);

} // namespace kafscope::record_format
