#include "models/recordformat.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QStringDecoder>
#include <algorithm>

namespace kafscope::record_format {

namespace {

constexpr char16_t kEllipsis = u'…';

// Decodes at most maxBytes of the bytes as UTF-8; nullopt when they are not valid UTF-8 (Qt's decoder rejects
// overlong forms, surrogates and code points above U+10FFFF). When the prefix is shorter than the bytes it may cut a
// multi-byte sequence: the stateful decoder keeps that tail back instead of calling it an error. When the prefix is
// everything, an unfinished sequence at the end is an error (stateless decoder).
std::optional<QString> decodePrefix(QByteArrayView bytes, qsizetype maxBytes)
{
    const bool whole = bytes.size() <= maxBytes;
    QStringDecoder decoder(
        QStringDecoder::Utf8, whole ? QStringDecoder::Flag::Stateless : QStringDecoder::Flag::Default);
    QString decoded = decoder.decode(whole ? bytes : bytes.first(maxBytes));
    if (decoder.hasError())
        return std::nullopt;
    return decoded;
}

// Enough bytes for maxChars UTF-16 units of any width, plus one more character so truncation is detected.
qsizetype prefixBytesFor(qsizetype maxChars)
{
    return maxChars * 4 + 4;
}

// Keeps a cut from leaving half a surrogate pair at the end.
void chopDanglingSurrogate(QString& s)
{
    if (!s.isEmpty() && s.back().isHighSurrogate())
        s.chop(1);
}

// One QChar for one QChar, so lengths stay comparable with maxChars.
QChar visible(QChar c)
{
    const char16_t u = c.unicode();
    if (u == u'\n' || u == 0x2028 || u == 0x2029)
        return QChar(u'⏎');
    if (u < 0x20)
        return QChar(char16_t(0x2400 + u)); // control pictures: ␀ ␉ ␍ ...
    if (u == 0x7f)
        return QChar(u'␡');
    if (u >= 0x80 && u <= 0x9f)
        return QChar(u'·');
    return c;
}

qsizetype utf8Length(QStringView s)
{
    qsizetype n = 0;
    for (QChar c : s) {
        const char16_t u = c.unicode();
        n += u < 0x80 ? 1 : u < 0x800 ? 2 : c.isSurrogate() ? 2 : 3; // a pair counts 2 + 2
    }
    return n;
}

constexpr char kHex[] = "0123456789abcdef";

void appendHexByte(QString& out, uchar b)
{
    out.append(QLatin1Char(kHex[b >> 4]));
    out.append(QLatin1Char(kHex[b & 0xf]));
}

QString binaryPreview(QByteArrayView bytes, int maxChars)
{
    QString out = QStringLiteral("[binary %1] ").arg(humanSize(bytes.size()));
    const qsizetype fit = std::max<qsizetype>(1, (maxChars - out.size() - 1) / 3);
    const qsizetype shown = std::min(fit, bytes.size());
    for (qsizetype i = 0; i < shown; ++i) {
        if (i > 0)
            out.append(QLatin1Char(' '));
        appendHexByte(out, uchar(bytes[i]));
    }
    if (shown < bytes.size())
        out.append(QLatin1Char(' ')).append(QChar(kEllipsis));
    return out;
}

} // namespace

QString preview(QByteArrayView bytes, bool isNull, int maxChars)
{
    if (isNull)
        return QStringLiteral("(null)");
    if (bytes.isEmpty())
        return QStringLiteral("(empty)");
    maxChars = std::max(maxChars, 1);

    const qsizetype prefix = prefixBytesFor(maxChars);
    const std::optional<QString> decoded = decodePrefix(bytes, prefix);
    if (!decoded)
        return binaryPreview(bytes, maxChars);

    QString out;
    out.reserve(std::min<qsizetype>(decoded->size(), maxChars) + 1);
    bool truncated = bytes.size() > prefix;
    for (QChar c : *decoded) {
        if (out.size() >= maxChars) {
            truncated = true;
            break;
        }
        out.append(visible(c));
    }
    if (truncated) {
        chopDanglingSurrogate(out);
        out.append(QChar(kEllipsis));
    }
    return out;
}

QString hexDump(QByteArrayView bytes, qsizetype maxBytes)
{
    const qsizetype shown = std::clamp<qsizetype>(maxBytes, 0, bytes.size());
    QString out;
    out.reserve((shown / 16 + 2) * 80);
    for (qsizetype line = 0; line < shown; line += 16) {
        if (line > 0)
            out.append(QLatin1Char('\n'));
        out.append(QStringLiteral("%1  ").arg(line, 8, 16, QLatin1Char('0')));
        const qsizetype end = std::min(line + 16, shown);
        for (qsizetype i = line; i < line + 16; ++i) {
            if (i < end) {
                appendHexByte(out, uchar(bytes[i]));
                out.append(QLatin1Char(' '));
            } else {
                out.append(QLatin1String("   "));
            }
            if (i == line + 7)
                out.append(QLatin1Char(' '));
        }
        out.append(QLatin1String(" |"));
        for (qsizetype i = line; i < end; ++i) {
            const uchar b = uchar(bytes[i]);
            out.append(QLatin1Char(b >= 0x20 && b < 0x7f ? char(b) : '.'));
        }
        out.append(QLatin1Char('|'));
    }
    if (shown < bytes.size()) {
        if (!out.isEmpty())
            out.append(QLatin1Char('\n'));
        out.append(QStringLiteral("… %1 more bytes not shown (%2 in total)")
                       .arg(QLocale().toString(qint64(bytes.size() - shown)), humanSize(bytes.size())));
    }
    return out;
}

std::optional<QString> prettyJson(QByteArrayView bytes, qsizetype maxBytes)
{
    if (bytes.size() > maxBytes)
        return std::nullopt;
    const QByteArrayView trimmed = bytes.trimmed();
    if (trimmed.isEmpty() || (trimmed.front() != '{' && trimmed.front() != '['))
        return std::nullopt;
    QJsonParseError error;
    QJsonDocument::fromJson(trimmed.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;

    // The text is valid JSON now, so a small state machine suffices: outside strings, whitespace is dropped and
    // structure characters decide line breaks; strings are copied verbatim (escapes included).
    QByteArray out;
    out.reserve(trimmed.size() * 2);
    int depth = 0;
    auto newline = [&] {
        out.append('\n');
        out.append(QByteArray(depth * 4, ' '));
    };
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const char c = trimmed[i];
        if (inString) {
            out.append(c);
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        case '"':
            inString = true;
            out.append(c);
            break;
        case '{':
        case '[': {
            out.append(c);
            qsizetype next = i + 1;
            while (next < trimmed.size() && QByteArrayView(" \t\n\r").contains(trimmed[next]))
                ++next;
            if (next < trimmed.size() && (trimmed[next] == '}' || trimmed[next] == ']')) {
                out.append(trimmed[next]); // keep empty containers on one line: {} and []
                i = next;
            } else {
                ++depth;
                newline();
            }
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out.append(c);
            break;
        case ',':
            out.append(c);
            newline();
            break;
        case ':':
            out.append(": ");
            break;
        default:
            out.append(c);
        }
    }
    return QString::fromUtf8(out);
}

std::optional<QString> text(QByteArrayView bytes, qsizetype maxChars)
{
    maxChars = std::max<qsizetype>(maxChars, 1);
    std::optional<QString> decoded = decodePrefix(bytes, prefixBytesFor(maxChars));
    if (!decoded)
        return std::nullopt;
    const bool truncated = decoded->size() > maxChars || bytes.size() > prefixBytesFor(maxChars);
    if (!truncated)
        return decoded;
    decoded->truncate(maxChars);
    chopDanglingSurrogate(*decoded);
    const qint64 hidden = bytes.size() - utf8Length(*decoded);
    decoded->append(
        QStringLiteral("\n\n… %1 more not shown (%2 in total)").arg(humanSize(hidden), humanSize(bytes.size())));
    return decoded;
}

QString humanSize(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    static const char* const units[] = { "KB", "MB", "GB", "TB", "PB" };
    double value = double(bytes) / 1024.0;
    size_t unit = 0;
    // Move up a unit before rounding would print "1024.0 KB".
    while (value >= 1023.95 && unit + 1 < std::size(units)) {
        value /= 1024.0;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(QLocale().toString(value, 'f', 1), QLatin1String(units[unit]));
}

} // namespace kafscope::record_format
