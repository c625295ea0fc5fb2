#pragma once

#include <functional>
#include <memory>

#include "loop/clock.h"

namespace loopscope::app {

// A clock that lends the engine a moment once per loop iteration. It keeps time exactly as
// the clock it wraps; before each poll (the one point of an iteration where the loop asks the
// clock anything) it calls `before_poll` on the loop thread. The engine streams the trace and
// honours stop requests there, without adding a single callback, and so a single event, to
// the run it watches.
class PollHookClock final : public Clock {
public:
    PollHookClock(std::unique_ptr<Clock> inner, std::function<void()> before_poll)
        : inner_(std::move(inner)), before_poll_(std::move(before_poll)) {
        // The loop installs its waker on this clock; the wrapped one must reach it too.
        inner_->set_waker([this] { wake_loop(); });
    }

    ClockKind kind() const override { return inner_->kind(); }
    Nanos now() override { return inner_->now(); }
    Nanos peek() const override { return inner_->peek(); }

    int poll_timeout_ms(const PollRequest& request) override {
        before_poll_();
        return inner_->poll_timeout_ms(request);
    }
    void after_poll(const PollRequest& request, bool had_io) override {
        inner_->after_poll(request, had_io);
    }

    int descriptor() const override { return inner_->descriptor(); }
    void on_descriptor_ready() override { inner_->on_descriptor_ready(); }
    bool holds_loop() const override { return inner_->holds_loop(); }
    void block_for(Nanos duration) override { inner_->block_for(duration); }

private:
    std::unique_ptr<Clock> inner_;
    std::function<void()> before_poll_;
};

}  // namespace loopscope::app
