#include "command_line_values.h"

#include <QCommandLineParser>
#include <algorithm>
#include <cmath>

#include "trace_store.h"

namespace loopscope::app {

namespace {

// "--name: expected WHAT, not 'VALUE'"
QString problem(const QString& option, const QString& expected, const QString& value) {
    return QStringLiteral("--%1: expected %2, not '%3'").arg(option, expected, value);
}

}  // namespace

std::optional<double> parse_number(const QString& text, double minimum, double maximum) {
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < minimum || value > maximum) {
        return std::nullopt;
    }
    return value;
}

std::optional<SeekTarget> parse_seek(const QString& text) {
    const QString value = text.trimmed();
    if (value == QStringLiteral("end") || value == QStringLiteral("-1")) {
        return SeekTarget{SeekTarget::Kind::End, 0};
    }
    if (value.endsWith(QLatin1Char('%'))) {
        const auto percent = parse_number(value.chopped(1), 0, 100);
        return percent ? std::optional(SeekTarget{SeekTarget::Kind::Fraction, *percent / 100})
                       : std::nullopt;
    }
    if (value.endsWith(QLatin1Char('s'))) {
        const auto seconds = parse_number(value.chopped(1), 0, 1e9);
        return seconds ? std::optional(SeekTarget{SeekTarget::Kind::Seconds, *seconds})
                       : std::nullopt;
    }
    bool ok = false;
    const qlonglong events = value.toLongLong(&ok);
    if (!ok || events < 0) {
        return std::nullopt;
    }
    return SeekTarget{SeekTarget::Kind::Events, static_cast<double>(events)};
}

std::size_t SeekTarget::position_in(const TraceStore& store) const {
    const std::size_t count = store.size();
    switch (kind) {
        case Kind::Events:
            return std::min(static_cast<std::size_t>(value), count);
        case Kind::End:
            return count;
        case Kind::Fraction:
            return static_cast<std::size_t>(std::llround(value * static_cast<double>(count)));
        case Kind::Seconds: {
            // Every event up to and including the first one at that moment, as Player::seekTime.
            const auto time = static_cast<Nanos>(std::llround(value * 1e9));
            return std::min(store.first_event_at(time) + 1, count);
        }
    }
    return count;
}

std::optional<QSize> parse_window_size(const QString& text) {
    const QStringList sides = text.trimmed().split(QLatin1Char('x'));
    if (sides.size() != 2) {
        return std::nullopt;
    }
    const auto width = parse_number(sides[0], 320, 16384);
    const auto height = parse_number(sides[1], 320, 16384);
    if (!width || !height || std::floor(*width) != *width || std::floor(*height) != *height) {
        return std::nullopt;
    }
    return QSize(static_cast<int>(*width), static_cast<int>(*height));
}

QString check_command_line(const QCommandLineParser& parser, const KnownValues& known) {
    // A number option: its name, its range and how to say what it takes.
    struct Range {
        const char* option;
        double minimum;
        double maximum;
        const char* expected;
        bool whole = false;  // an integer
    };
    static constexpr Range kRanges[] = {
        {"speed", 0.1, 10, "a playback speed from 0.1 to 10"},
        {"live-speed", 0.1, 10, "a clock speed from 0.1 to 10"},
        {"stop-after", 0.001, 86400, "a number of seconds above 0"},
        {"benchmark-seconds", 0.1, 86400, "a number of seconds above 0"},
        {"fps", 1, 60, "frames per second from 1 to 60"},
        {"from", 0, 1e12, "an event number (0 or more)", true},
        {"to", -1, 1e12, "an event number, or -1 for the end", true},
    };
    for (const Range& range : kRanges) {
        const QString option = QString::fromLatin1(range.option);
        if (!parser.isSet(option)) {
            continue;
        }
        const auto number = parse_number(parser.value(option), range.minimum, range.maximum);
        if (!number || (range.whole && std::floor(*number) != *number)) {
            return problem(option, QString::fromLatin1(range.expected), parser.value(option));
        }
    }
    if (parser.isSet(QStringLiteral("lesson"))) {
        const QString value = parser.value(QStringLiteral("lesson"));
        const auto number = parse_number(value, 1, std::max(1, known.lesson_count));
        if (!number || std::floor(*number) != *number || known.lesson_count == 0) {
            return known.lesson_count == 0
                       ? QStringLiteral("--lesson: the lessons folder was not found")
                       : problem(
                             QStringLiteral("lesson"),
                             QStringLiteral("a lesson number from 1 to %1").arg(known.lesson_count),
                             value);
        }
    }
    if (parser.isSet(QStringLiteral("seek")) && !parse_seek(parser.value(QStringLiteral("seek")))) {
        return problem(QStringLiteral("seek"),
                       QStringLiteral("a number of events, end, a share of the run (60%) or a "
                                      "loop time (3.5s)"),
                       parser.value(QStringLiteral("seek")));
    }
    if (parser.isSet(QStringLiteral("size")) &&
        !parse_window_size(parser.value(QStringLiteral("size")))) {
        return problem(QStringLiteral("size"),
                       QStringLiteral("WIDTHxHEIGHT in pixels, e.g. 1920x1080"),
                       parser.value(QStringLiteral("size")));
    }
    if (parser.isSet(QStringLiteral("theme")) &&
        !known.theme_names.contains(parser.value(QStringLiteral("theme")))) {
        return problem(QStringLiteral("theme"),
                       QStringLiteral("one of ") + known.theme_names.join(QStringLiteral(", ")),
                       parser.value(QStringLiteral("theme")));
    }
    if (parser.isSet(QStringLiteral("scenario")) &&
        !known.scenario_ids.contains(parser.value(QStringLiteral("scenario")))) {
        return problem(QStringLiteral("scenario"),
                       QStringLiteral("one of ") + known.scenario_ids.join(QStringLiteral(", ")) +
                           QStringLiteral(" (--list-scenarios)"),
                       parser.value(QStringLiteral("scenario")));
    }
    return {};
}

}  // namespace loopscope::app
