#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "async/ensure_future.h"
#include "async/first_occurrences.h"
#include "async/outcome.h"

namespace loopscope {

// The `return_exceptions=True` of asyncio.gather: gather(children, return_exceptions) collects
// every child's Outcome instead of failing with the first error.
struct ReturnExceptions {
    explicit ReturnExceptions() = default;
};
inline constexpr ReturnExceptions return_exceptions{};

// asyncio's _GatheringFuture without its result type: the outer future of a gather, whose
// cancel() cancels the children instead of itself. It is marked cancelled only through them:
// once they are done, a cancel request turns into CancelledError on the outer future.
class GatheringCore : public FutureCore {
public:
    explicit GatheringCore(EventLoop& loop);

    // Cancels every child; true if any of them took the request. Done: false.
    bool cancel(std::optional<std::string> message = std::nullopt) override;
    bool cancel_requested() const { return cancel_requested_; }

protected:
    // The children in argument order, duplicates kept; the typed outer future owns them.
    virtual std::size_t child_count() const = 0;
    virtual FutureCore& child_at(std::size_t index) const = 0;

private:
    bool cancel_requested_ = false;
};

namespace detail {

// The outer future of one gather, typed: it owns its children (in argument order) and is told
// by each distinct child's done-callback when that child is done. The callbacks hold it weakly:
// when nobody holds the outer future, nobody can observe what it would have become.
template <class T, class Element>
class GatheringFuture final : public GatheringCore, public ResultSlot<std::vector<Element>> {
public:
    static constexpr bool kReturnExceptions = std::is_same_v<Element, Outcome<T>>;

    GatheringFuture(EventLoop& loop, std::vector<Future<T>> children, std::size_t distinct)
        : GatheringCore(loop), children_(std::move(children)), distinct_(distinct) {}

    const std::vector<Future<T>>& children() const { return children_; }

    // gather's _done_callback for the child at `index`.
    void on_child_done(std::size_t index) {
        ++finished_;
        if (done()) {
            return;
        }
        const Future<T>& child = children_[index];
        if constexpr (!kReturnExceptions) {
            // The first failure is the outer future's at once; the siblings run on.
            if (child.cancelled()) {
                set_exception(std::make_exception_ptr(child.core()->make_cancelled_error()));
                return;
            }
            if (std::exception_ptr error = child.exception()) {
                set_exception(error);
                return;
            }
        }
        if (finished_ < distinct_) {
            return;
        }
        std::vector<Element> results;
        results.reserve(children_.size());
        for (const Future<T>& each : children_) {
            results.push_back(element_of(each));
        }
        if (cancel_requested()) {
            // Cancelling the gather wins over return_exceptions (bpo-32684). CPython takes the
            // CancelledError of the last child in argument order.
            set_exception(std::make_exception_ptr(children_.back().core()->make_cancelled_error()));
        } else {
            set_result_on<std::vector<Element>>(*this, *this, std::move(results));
        }
    }

private:
    std::size_t child_count() const override { return children_.size(); }
    FutureCore& child_at(std::size_t index) const override { return *children_[index].core(); }

    static Element element_of(const Future<T>& child) {
        if constexpr (kReturnExceptions) {
            if (child.cancelled()) {
                // A fresh CancelledError with the future's own cancel message, as CPython does.
                return Outcome<T>::failure(std::make_exception_ptr(
                    CancelledError(child.core()->cancel_message().value_or(""))));
            }
            if (std::exception_ptr error = child.exception()) {
                return Outcome<T>::failure(error);
            }
            return Outcome<T>::success(result_value(child));
        } else {
            return result_value(child);
        }
    }

    std::vector<Future<T>> children_;
    std::size_t distinct_;
    std::size_t finished_ = 0;
};

template <class Element, class T>
Future<std::vector<Element>> gather_children(std::vector<Future<T>> children) {
    using Outer = GatheringFuture<T, Element>;
    if (children.empty()) {
        EventLoop* loop = EventLoop::running_loop();
        if (loop == nullptr) {
            throw RuntimeError("no running event loop");
        }
        Future<std::vector<Element>> outer(*loop);
        outer.set_result(std::vector<Element>{});
        return outer;
    }
    // A future passed twice is one child: one done-callback, counted once.
    const std::vector<std::size_t> distinct = first_occurrences(
        children.size(), [&children](std::size_t i) { return children[i].core().get(); });
    EventLoop& loop = children.front().loop();
    auto outer = make_future<Outer>(loop, std::move(children), distinct.size());
    // One pass over the children, which are often too many for the cache: each is recorded
    // and, the first time it appears, given its done-callback (adding one records nothing, so
    // every GatherChild event still comes before anything the callbacks do). Children already
    // done are counted after the pass, once the outer future is complete: a gather of
    // finished futures is finished when it is returned.
    std::vector<std::size_t> done_already;
    auto next_distinct = distinct.begin();
    for (std::size_t index = 0; index < outer->children().size(); ++index) {
        const Future<T>& child = outer->children()[index];
        loop.record(trace::EventKind::GatherChild, outer->id(), child.id(),
                    static_cast<std::int64_t>(index));
        if (next_distinct == distinct.end() || *next_distinct != index) {
            continue;  // a repeat: counted once, at its first place
        }
        ++next_distinct;
        if (child.done()) {
            done_already.push_back(index);
        } else {
            child.core()->add_done_callback([weak = WeakFutureRef<Outer>(outer), index] {
                if (const FutureRef<Outer> alive = weak.lock()) {
                    alive->on_child_done(index);
                }
            });
        }
    }
    for (const std::size_t index : done_already) {
        outer->on_child_done(index);
    }
    return Future<std::vector<Element>>(outer);
}

}  // namespace detail

// asyncio.gather over futures and tasks: a future of every child's result in argument order.
// The first child to fail (or be cancelled) fails the outer future at once, and the siblings go
// on running. Cancelling the outer future cancels the children. A task awaiting it resumes
// two iterations after the last child finishes: the child's done-callback runs in the next
// iteration and sets the outer future, whose own callback wakes the task in the one after.
template <class T>
Future<std::vector<ResultValue<T>>> gather(std::vector<Future<T>> children) {
    return detail::gather_children<ResultValue<T>>(std::move(children));
}
// gather(..., return_exceptions=True): failures become Outcomes among the results.
template <class T>
Future<std::vector<Outcome<T>>> gather(std::vector<Future<T>> children, ReturnExceptions) {
    return detail::gather_children<Outcome<T>>(std::move(children));
}

// gather over coroutines: each becomes a task (ensure_future), in argument order.
template <class T>
Future<std::vector<ResultValue<T>>> gather(Scheduler& scheduler, std::vector<Coro<T>> coroutines) {
    std::vector<Future<T>> children;
    children.reserve(coroutines.size());
    for (Coro<T>& coroutine : coroutines) {
        children.push_back(ensure_future(scheduler, std::move(coroutine)));
    }
    return gather(std::move(children));
}
template <class T>
Future<std::vector<Outcome<T>>> gather(Scheduler& scheduler, std::vector<Coro<T>> coroutines,
                                       ReturnExceptions tag) {
    std::vector<Future<T>> children;
    children.reserve(coroutines.size());
    for (Coro<T>& coroutine : coroutines) {
        children.push_back(ensure_future(scheduler, std::move(coroutine)));
    }
    return gather(std::move(children), tag);
}

// gather(scheduler, a, b, c): coroutines, futures and tasks of one result type, mixed freely,
// as asyncio.gather(a, b, c) takes them.
template <class First, class... Rest>
requires(std::is_same_v<AwaitableResultOf<First>, AwaitableResultOf<Rest>>&&...)
    Future<std::vector<ResultValue<AwaitableResultOf<First>>>> gather(Scheduler& scheduler,
                                                                      First&& first,
                                                                      Rest&&... rest) {
    using T = AwaitableResultOf<First>;
    std::vector<Future<T>> children;
    children.reserve(1 + sizeof...(Rest));
    children.push_back(ensure_future(scheduler, std::forward<First>(first)));
    (children.push_back(ensure_future(scheduler, std::forward<Rest>(rest))), ...);
    return gather(std::move(children));
}
template <class First, class... Rest>
requires(std::is_same_v<AwaitableResultOf<First>, AwaitableResultOf<Rest>>&&...)
    Future<std::vector<Outcome<AwaitableResultOf<First>>>> gather(Scheduler& scheduler,
                                                                  ReturnExceptions tag,
                                                                  First&& first, Rest&&... rest) {
    using T = AwaitableResultOf<First>;
    std::vector<Future<T>> children;
    children.reserve(1 + sizeof...(Rest));
    children.push_back(ensure_future(scheduler, std::forward<First>(first)));
    (children.push_back(ensure_future(scheduler, std::forward<Rest>(rest))), ...);
    return gather(std::move(children), tag);
}

}  // namespace loopscope
