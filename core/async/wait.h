#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_set>
#include <utility>
#include <vector>

#include "async/coro.h"
#include "loop/time.h"

namespace loopscope {

// asyncio's FIRST_COMPLETED, FIRST_EXCEPTION and ALL_COMPLETED.
enum class ReturnWhen : std::uint8_t { FirstCompleted, FirstException, AllCompleted };

// What asyncio.wait returns. Python gives two sets; here each keeps the order the futures were
// passed in (a future passed twice appears once).
template <class T>
struct WaitResult {
    std::vector<Future<T>> done;
    std::vector<Future<T>> pending;
};

namespace detail {

// asyncio's _wait: suspends until `return_when` is met or `timeout` passes. The task waits on
// one waiter future (AwaitKind::Wait), released by the futures' done-callbacks or the timer.
Coro<void> wait_for_completions(std::vector<FutureRef<FutureCore>> futures,
                                std::optional<Nanos> timeout, ReturnWhen return_when);

}  // namespace detail

// asyncio.wait(fs, timeout=, return_when=): waits without raising TimeoutError and without
// cancelling anything; the futures not done by then come back as pending. An empty `futures`
// is a ValueError when awaited.
template <class T>
Coro<WaitResult<T>> wait(std::vector<Future<T>> futures,
                         std::optional<Nanos> timeout = std::nullopt,
                         ReturnWhen return_when = ReturnWhen::AllCompleted) {
    if (futures.empty()) {
        throw ValueError("Set of Tasks/Futures is empty.");
    }
    std::vector<Future<T>> distinct;
    std::unordered_set<const FutureCore*> seen;
    std::vector<FutureRef<FutureCore>> cores;
    for (Future<T>& future : futures) {
        if (seen.insert(future.core().get()).second) {
            cores.push_back(future.core());
            distinct.push_back(std::move(future));
        }
    }
    co_await detail::wait_for_completions(std::move(cores), timeout, return_when);
    WaitResult<T> result;
    for (Future<T>& future : distinct) {
        (future.done() ? result.done : result.pending).push_back(std::move(future));
    }
    co_return result;
}

}  // namespace loopscope
