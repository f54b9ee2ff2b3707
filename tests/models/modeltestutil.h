#pragma once
// Shared by the model tests: a readable dump of a table model and a test main that forces the offscreen platform.

#include <QAbstractItemModel>
#include <QGuiApplication>
#include <QLocale>
#include <QStringList>
#include <QTest>

namespace kafscope::test {

// One line per row, cells joined with " | ", for the given role (display text by default).
inline QString dumpModel(const QAbstractItemModel& model, int role = Qt::DisplayRole)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column)
            cells.append(model.index(row, column).data(role).toString());
        lines.append(cells.join(QStringLiteral(" | ")));
    }
    return lines.join(QLatin1Char('\n'));
}

inline QString dumpHeader(const QAbstractItemModel& model)
{
    QStringList cells;
    for (int column = 0; column < model.columnCount(); ++column)
        cells.append(model.headerData(column, Qt::Horizontal).toString());
    return cells.join(QStringLiteral(" | "));
}

// Only the given column of each row, joined with ", ".
inline QString dumpColumn(const QAbstractItemModel& model, int column, int role = Qt::DisplayRole)
{
    QStringList cells;
    for (int row = 0; row < model.rowCount(); ++row)
        cells.append(model.index(row, column).data(role).toString());
    return cells.join(QStringLiteral(", "));
}

} // namespace kafscope::test

// Models use QColor/QFont, so a QGuiApplication runs; offscreen so tests need no display. Messages are formatted
// with the default locale, pinned to en_US for stable expectations.
#define KAFSCOPE_MODEL_TEST_MAIN(TestClass)                                                                            \
    int main(int argc, char** argv)                                                                                    \
    {                                                                                                                  \
        qputenv("QT_QPA_PLATFORM", "offscreen");                                                                       \
        QGuiApplication app(argc, argv);                                                                               \
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));                                         \
        TestClass test;                                                                                                \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }
