#pragma once

#include <cmath>
#include <cstdint>

namespace loopscope {

// Loop time in nanoseconds. Integers keep equal deadlines exactly equal, which CPython's
// heap order for ties depends on, and make the virtual clock deterministic.
using Nanos = std::int64_t;

inline constexpr Nanos kNanosPerMilli = 1'000'000;
inline constexpr Nanos kNanosPerSecond = 1'000'000'000;

// CPython clamps the poll timeout to one day (MAXIMUM_SELECT_TIMEOUT).
inline constexpr Nanos kMaxPollTimeout = 24 * 3600 * kNanosPerSecond;

inline Nanos seconds_to_nanos(double seconds) {
    return static_cast<Nanos>(std::llround(seconds * static_cast<double>(kNanosPerSecond)));
}

inline double nanos_to_seconds(Nanos nanos) {
    return static_cast<double>(nanos) / static_cast<double>(kNanosPerSecond);
}

inline constexpr Nanos milliseconds(std::int64_t ms) {
    return ms * kNanosPerMilli;
}
inline constexpr Nanos seconds(std::int64_t s) {
    return s * kNanosPerSecond;
}

// epoll_wait takes whole milliseconds and CPython's selector rounds a timeout up to them,
// so a poll that sleeps for `timeout` really sleeps for this long.
inline constexpr Nanos round_up_to_millis(Nanos timeout) {
    return (timeout + kNanosPerMilli - 1) / kNanosPerMilli * kNanosPerMilli;
}

}  // namespace loopscope
