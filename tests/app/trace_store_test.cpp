// The GUI's copy of the trace: batches carry the strings their events name (labels agree on
// both sides, however the log is cut), console output is split into lines whatever the writes,
// and each task's source line is known at any playhead.
#include "trace_store.h"

#include <QtTest>

#include "trace/recorder.h"
#include "trace_batch.h"

namespace loopscope::app {

using trace::Event;
using trace::EventKind;

class TraceStoreTest : public QObject {
    Q_OBJECT

    static Event event(EventKind kind, std::uint32_t subject, std::uint32_t object,
                       std::int64_t value) {
        Event made;
        made.kind = kind;
        made.subject = subject;
        made.object = object;
        made.value = value;
        return made;
    }

private slots:
    void streamed_batches_keep_labels_meaning_the_same() {
        trace::Recorder worker;
        TraceStreamer streamer;
        TraceStore store;
        worker.intern("interned, never named");  // never named by an event: never sent
        worker.record(event(EventKind::TaskCreated, 5, 0, worker.intern("main()")));
        TraceBatch first;
        streamer.take_and_clear(worker, first);
        QCOMPARE(worker.size(), std::size_t{0});  // cleared
        QCOMPARE(first.strings, std::vector<std::string>{"main()"});
        store.append(std::move(first));
        worker.record(event(EventKind::TaskRenamed, 5, 0, worker.intern("Task-1")));
        worker.record(event(EventKind::TaskRenamed, 5, 0, worker.intern("main()")));  // again
        TraceBatch second;
        streamer.take(worker, second);
        QCOMPARE(second.strings, std::vector<std::string>{"Task-1"});
        store.append(std::move(second));

        QCOMPARE(store.size(), std::size_t{3});
        QCOMPARE(store.text(label_of(store.event(0))), std::string_view("main()"));
        QCOMPARE(store.text(label_of(store.event(1))), std::string_view("Task-1"));
        QCOMPARE(store.event(2).value, store.event(0).value);

        // A second recorder (a second loop) with its own table joins the same stream.
        trace::Recorder other;
        other.intern("something else first");
        other.record(event(EventKind::ScriptOutput, 0, other.intern("Task-1"), 1));
        other.record(event(EventKind::ScriptOutput, 0, other.intern("new\n"), 1));
        TraceBatch third;
        streamer.take(other, third);
        QCOMPARE(third.strings, std::vector<std::string>{"new\n"});
        store.append(std::move(third));
        QCOMPARE(store.text(label_of(store.event(3))), std::string_view("Task-1"));
        QCOMPARE(store.text(label_of(store.event(4))), std::string_view("new\n"));
    }

    void a_take_can_stop_at_a_batch_size() {
        trace::Recorder worker;
        for (int i = 0; i < 10; ++i) {
            worker.record(event(EventKind::IterationBegin, 0, 0, 0));
        }
        TraceStreamer streamer;
        TraceBatch batch;
        streamer.take(worker, batch, 4);
        QCOMPARE(batch.events.size(), std::size_t{4});
        streamer.take(worker, batch, 4);
        streamer.take(worker, batch, 4);
        QCOMPARE(batch.events.size(), std::size_t{10});
    }

    void console_output_is_cut_into_lines() {
        trace::Recorder worker;
        worker.record(event(EventKind::ScriptOutput, 3, worker.intern("hel"), 1));
        worker.record(event(EventKind::ScriptOutput, 3, worker.intern("lo"), 1));
        worker.record(event(EventKind::ScriptOutput, 3, worker.intern("\n"), 1));
        worker.record(event(EventKind::ScriptOutput, 4, worker.intern("oops\n"), 2));
        worker.record(event(EventKind::ScriptOutput, 4, worker.intern("a\nb\nc"), 1));
        TraceStreamer streamer;
        TraceBatch batch;
        streamer.take(worker, batch);
        TraceStore store;
        store.append(std::move(batch));

        const auto& lines = store.console();
        QCOMPARE(lines.size(), std::size_t{5});
        QCOMPARE(lines[0].text, std::string("hello"));
        QCOMPARE(lines[0].event, std::size_t{0});
        QCOMPARE(lines[0].task, 3u);
        QCOMPARE(lines[1].text, std::string("oops"));
        QVERIFY(lines[1].error);
        QCOMPARE(lines[2].text, std::string("a"));
        QCOMPARE(lines[3].text, std::string("b"));
        QCOMPARE(lines[4].text, std::string("c"));  // unfinished, shown as it is
    }

    void a_tasks_line_is_its_last_before_the_playhead() {
        trace::Recorder worker;
        const trace::Label file = worker.intern("scenario.py");
        worker.record(event(EventKind::TaskLine, 7, file, 5));
        worker.record(event(EventKind::IterationBegin, 0, 0, 0));
        worker.record(event(EventKind::TaskLine, 7, file, 12));
        TraceStreamer streamer;
        TraceBatch batch;
        streamer.take(worker, batch);
        TraceStore store;
        store.append(std::move(batch));
        QCOMPARE(store.line_of(7, 0), 0);
        QCOMPARE(store.line_of(7, 1), 5);
        QCOMPARE(store.line_of(7, 2), 5);
        QCOMPARE(store.line_of(7, 3), 12);
        QCOMPARE(store.line_of(8, 3), 0);
        QCOMPARE(store.iteration_starts(), std::vector<std::size_t>{1});
    }
};

}  // namespace loopscope::app

QTEST_GUILESS_MAIN(loopscope::app::TraceStoreTest)
#include "trace_store_test.moc"
