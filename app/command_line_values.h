#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <cstddef>
#include <optional>

class QCommandLineParser;

namespace loopscope::app {

class TraceStore;

// Where `--seek` puts the playhead: a number of events, the end, a share of the run ("60%"),
// or a moment of loop time ("3.5s").
struct SeekTarget {
    enum class Kind { Events, End, Fraction, Seconds };
    Kind kind = Kind::End;
    double value = 0;  // events, a fraction 0..1, or seconds

    // The playhead (events applied) in this trace.
    std::size_t position_in(const TraceStore& store) const;
};

std::optional<SeekTarget> parse_seek(const QString& text);
// "1920x1080": both sides between 320 and 16384.
std::optional<QSize> parse_window_size(const QString& text);
// A decimal number within [minimum, maximum]; nothing else (no trailing text, no NaN).
std::optional<double> parse_number(const QString& text, double minimum, double maximum);

// What the app knows that an option's value must match.
struct KnownValues {
    int lesson_count = 0;
    QStringList scenario_ids;
    QStringList theme_names;
};

// Every option the user gave a value to, checked before anything runs: the first value that
// cannot be right, as a message naming the option, what it takes and what it got ("" when all
// are fine). Options left unset are not looked at.
QString check_command_line(const QCommandLineParser& parser, const KnownValues& known);

}  // namespace loopscope::app
