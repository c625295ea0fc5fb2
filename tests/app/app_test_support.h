// Recording a built-in scenario straight into a TraceStore, without the engine's thread: the
// trace every app test starts from.
#pragma once

#include <QtTest>

#include "async/scheduler.h"
#include "demo_scenarios.h"
#include "loop/event_loop.h"
#include "trace_batch.h"
#include "trace_store.h"

namespace loopscope::app::testing {

// Runs the scenario `id` on a fresh loop and appends its whole trace to `store` in one batch
// (or in batches of `batch_events`, as the engine would deliver them).
inline void record_scenario(std::string_view id, TraceStore& store, std::size_t batch_events = 0) {
    const DemoScenario* scenario = find_demo_scenario(id);
    QVERIFY(scenario != nullptr);
    EventLoop loop;
    {
        Scheduler scheduler(loop);
        scenario->run(scheduler);
    }
    loop.close();  // as the engine does once the run is over
    store.reset();
    const trace::Recorder& recorder = loop.recorder();
    TraceStreamer streamer;
    if (batch_events == 0) {
        batch_events = recorder.size();
    }
    for (std::size_t from = 0; from < recorder.size(); from += batch_events) {
        TraceBatch batch;
        streamer.take(recorder, batch, batch_events);
        store.append(std::move(batch));
    }
}

// The index of the first event of `kind` at or after `from` (size() if none).
inline std::size_t find_kind(const TraceStore& store, trace::EventKind kind, std::size_t from = 0) {
    for (std::size_t i = from; i < store.size(); ++i) {
        if (store.event(i).kind == kind) {
            return i;
        }
    }
    return store.size();
}

}  // namespace loopscope::app::testing
