#pragma once

#include <memory>
#include <type_traits>
#include <utility>

#include "async/ensure_future.h"

namespace loopscope {

namespace detail {

// The outer future of shield(): it owns the inner future (as CPython's closure does) and copies
// its outcome when it is done. The inner future's callback holds it weakly, so an outer future
// nobody holds any more simply disappears.
template <class T>
class ShieldFuture final : public FutureState<T> {
public:
    ShieldFuture(EventLoop& loop, Future<T> inner)
        : FutureState<T>(loop), inner_(std::move(inner)) {
        this->set_await_target({AwaitKind::Shield, this->id()});
    }

    // Ties `outer` to its inner future in both directions.
    static void link(const FutureRef<ShieldFuture>& outer) {
        const WeakFutureRef<ShieldFuture> weak = outer;
        outer->inner_callback_ = outer->inner_.add_done_callback([weak] {
            if (const auto alive = weak.lock()) {
                alive->on_inner_done();
            }
        });
        outer->add_done_callback([weak] {
            if (const auto alive = weak.lock()) {
                alive->on_outer_done();
            }
        });
    }

private:
    // shield's _inner_done_callback.
    void on_inner_done() {
        if (this->cancelled()) {
            return;  // the awaiting task was cancelled; the inner result is simply dropped
        }
        Future<T> outer(static_future_cast<ShieldFuture>(this->ref()));
        if (inner_.cancelled()) {
            outer.cancel();
        } else if (std::exception_ptr error = inner_.exception()) {
            outer.set_exception(error);
        } else if constexpr (std::is_void_v<T>) {
            outer.set_result();
        } else {
            outer.set_result(inner_.result());
        }
    }

    // shield's _outer_done_callback: once the outer future is cancelled, forget the inner one.
    void on_outer_done() {
        if (!inner_.done()) {
            inner_.remove_done_callback(inner_callback_);
        }
    }

    Future<T> inner_;
    std::uint64_t inner_callback_ = 0;
};

}  // namespace detail

// asyncio.shield: a future that follows `inner` but whose cancellation does not reach it. A
// task awaiting the shield and being cancelled gets CancelledError; `inner` runs on. If `inner`
// itself is cancelled, so is the shield. A done `inner` is returned as it is.
template <class T>
Future<T> shield(Future<T> inner) {
    if (inner.done()) {
        return inner;
    }
    EventLoop& loop = inner.loop();
    auto outer = make_future<detail::ShieldFuture<T>>(loop, inner);
    loop.record(trace::EventKind::ShieldCreated, outer->id(), inner.id());
    detail::ShieldFuture<T>::link(outer);
    return Future<T>(outer);
}

// shield(coroutine): the coroutine becomes a task first (ensure_future).
template <class T>
Future<T> shield(Scheduler& scheduler, Coro<T> coroutine) {
    return shield(ensure_future(scheduler, std::move(coroutine)));
}

}  // namespace loopscope
