// The app's command-line values (app/command_line_values.h): what --seek, --size and the
// number options accept, where a seek lands in a trace, and that a value that cannot be right
// stops `loopscope` at once with exit code 2 and a message naming the option and the value.
#include <QCommandLineParser>
#include <QProcess>
#include <QtTest>

#include "app_test_support.h"
#include "command_line_values.h"

namespace loopscope::app {

namespace {

// A parser with the options check_command_line looks at, given `arguments`.
QString check(const QStringList& arguments) {
    QCommandLineParser parser;
    for (const char* name : {"speed", "live-speed", "stop-after", "benchmark-seconds", "fps",
                             "from", "to", "lesson", "size", "theme", "scenario"}) {
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), {}, QStringLiteral("v")));
    }
    parser.addOption(QCommandLineOption({QStringLiteral("seek"), QStringLiteral("position")}, {},
                                        QStringLiteral("v")));
    parser.parse(QStringList{QStringLiteral("loopscope")} + arguments);
    KnownValues known;
    known.lesson_count = 18;
    known.scenario_ids = {QStringLiteral("hello"), QStringLiteral("gather")};
    known.theme_names = {QStringLiteral("light"), QStringLiteral("dark")};
    return check_command_line(parser, known);
}

}  // namespace

class CommandLineTest : public QObject {
    Q_OBJECT

private slots:
    void seek_takes_events_the_end_a_share_or_a_moment() {
        QCOMPARE(parse_seek(QStringLiteral("120"))->kind, SeekTarget::Kind::Events);
        QCOMPARE(parse_seek(QStringLiteral("120"))->value, 120.0);
        QCOMPARE(parse_seek(QStringLiteral("end"))->kind, SeekTarget::Kind::End);
        QCOMPARE(parse_seek(QStringLiteral("-1"))->kind, SeekTarget::Kind::End);
        QCOMPARE(parse_seek(QStringLiteral("60%"))->kind, SeekTarget::Kind::Fraction);
        QCOMPARE(parse_seek(QStringLiteral("60%"))->value, 0.6);
        QCOMPARE(parse_seek(QStringLiteral("3.5s"))->kind, SeekTarget::Kind::Seconds);
        QCOMPARE(parse_seek(QStringLiteral("3.5s"))->value, 3.5);
        for (const char* wrong : {"", "abc", "1.5", "-2", "150%", "x%", "-1s", "3.5 s s", "nan%"}) {
            QVERIFY2(!parse_seek(QString::fromLatin1(wrong)), wrong);
        }
    }

    void a_seek_lands_where_it_says_in_a_trace() {
        TraceStore store;
        testing::record_scenario("gather", store);
        const std::size_t count = store.size();
        QVERIFY(count > 40);
        QCOMPARE(parse_seek(QStringLiteral("7"))->position_in(store), std::size_t{7});
        QCOMPARE(parse_seek(QStringLiteral("99999999"))->position_in(store), count);
        QCOMPARE(parse_seek(QStringLiteral("end"))->position_in(store), count);
        QCOMPARE(parse_seek(QStringLiteral("0%"))->position_in(store), std::size_t{0});
        QCOMPARE(parse_seek(QStringLiteral("50%"))->position_in(store),
                 static_cast<std::size_t>(std::llround(static_cast<double>(count) / 2.0)));
        // 1 s of loop time: every event before the first one at or after 1 s, and that one.
        const std::size_t at_one_second = parse_seek(QStringLiteral("1s"))->position_in(store);
        QVERIFY(at_one_second > 1 && at_one_second < count);
        QVERIFY(store.event(at_one_second - 1).time >= Nanos{1'000'000'000});
        QVERIFY(store.event(at_one_second - 2).time < Nanos{1'000'000'000});
    }

    void size_takes_width_x_height() {
        QCOMPARE(*parse_window_size(QStringLiteral("1920x1080")), QSize(1920, 1080));
        for (const char* wrong : {"big", "1920", "1920x", "x1080", "100x100", "1920x1080x2",
                                  "19.5x1080", "99999x1080"}) {
            QVERIFY2(!parse_window_size(QString::fromLatin1(wrong)), wrong);
        }
    }

    void each_wrong_value_names_its_option_and_what_it_takes() {
        QCOMPARE(check({QStringLiteral("--speed"), QStringLiteral("2.5"), QStringLiteral("--seek"),
                        QStringLiteral("40%"), QStringLiteral("--lesson"), QStringLiteral("18"),
                        QStringLiteral("--theme"), QStringLiteral("dark")}),
                 QString());
        const struct {
            QStringList arguments;
            const char* message;
        } cases[] = {
            {{"--speed", "fast"}, "--speed: expected a playback speed from 0.1 to 10, not 'fast'"},
            {{"--live-speed", "0"}, "--live-speed: expected a clock speed from 0.1 to 10, not '0'"},
            {{"--lesson", "19"}, "--lesson: expected a lesson number from 1 to 18, not '19'"},
            {{"--lesson", "2.5"}, "--lesson: expected a lesson number from 1 to 18, not '2.5'"},
            {{"--position", "soon"},
             "--seek: expected a number of events, end, a share of the run (60%) or a loop time "
             "(3.5s), not 'soon'"},
            {{"--size", "huge"},
             "--size: expected WIDTHxHEIGHT in pixels, e.g. 1920x1080, not 'huge'"},
            {{"--theme", "purple"}, "--theme: expected one of light, dark, not 'purple'"},
            {{"--scenario", "nope"},
             "--scenario: expected one of hello, gather (--list-scenarios), not 'nope'"},
            {{"--to", "3.5"}, "--to: expected an event number, or -1 for the end, not '3.5'"},
            {{"--fps", "120"}, "--fps: expected frames per second from 1 to 60, not '120'"},
        };
        for (const auto& wrong : cases) {
            QCOMPARE(check(wrong.arguments), QString::fromUtf8(wrong.message));
        }
    }

    // The real program: stops before opening a window, says why, exits 2.
    void loopscope_refuses_a_wrong_value_before_it_runs_anything() {
        QProcess app;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        app.setProcessEnvironment(environment);
        app.start(QStringLiteral(LOOPSCOPE_APP_BINARY),
                  {QStringLiteral("--lesson"), QStringLiteral("99"), QStringLiteral("--screenshot"),
                   QStringLiteral("/nonexistent/never.png")});
        QVERIFY(app.waitForFinished(30000));
        QCOMPARE(app.exitCode(), 2);
        QVERIFY2(app.readAllStandardError().contains(
                     "loopscope: --lesson: expected a lesson number from 1 to 18, not '99'"),
                 "no message");
    }
};

}  // namespace loopscope::app

QTEST_GUILESS_MAIN(loopscope::app::CommandLineTest)
#include "command_line_test.moc"
