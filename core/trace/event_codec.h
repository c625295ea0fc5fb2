#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

#include "trace/event.h"

namespace loopscope::trace {

// Turns a block of events into bytes and back, losslessly, at one to a few bytes an event.
//
// A trace repeats itself: a loop iteration, a task's step, a round trip through a queue leave
// the same kinds of events in the same order, their ids and times moving by the same steps as
// the last time round. So each event is predicted from the last event seen in the same
// context (its kind, the two kinds before it, the task that is stepping), moved on by the
// difference between the last two events of that context (or back by it, for a field that
// alternates, or as in the event just before, for a field that was so last time it was
// wrong); only the errors of the 8-byte words the prediction got wrong are written, each in
// as few bytes as it takes. An event predicted exactly takes one byte.
//
// Every block is coded on its own, from empty contexts, so any block can be decoded without
// the ones before it. One codec object serves any number of blocks, one at a time; it keeps
// its context tables (about 70 KB) between them so that they are allocated once.
class EventCodec {
public:
    EventCodec();
    ~EventCodec();
    EventCodec(const EventCodec&) = delete;
    EventCodec& operator=(const EventCodec&) = delete;

    // The most bytes encode() needs for one event: a kind, its escape, a two-byte header and
    // four 8-byte errors, and room for the 8 bytes of padding a block ends with.
    static constexpr std::size_t kMaxEventBytes = 1 + 2 + 2 + 4 * 8 + 8;

    // Writes the encoding of `events` at `out`, which has room for kMaxEventBytes an event;
    // returns the address just past the last byte written.
    std::uint8_t* encode(std::span<const Event> events, std::uint8_t* out);
    // Decodes `out.size()` events from `bytes`, which encode() wrote for as many events.
    // Returns the address just past the block's last byte.
    const std::uint8_t* decode(const std::uint8_t* bytes, std::span<Event> out);

    // How many contexts the codec keeps (a power of two), and their size, allocated with it.
    static constexpr std::size_t kContexts = 1024;
    static const std::size_t kTableBytes;

private:
    struct Context;
    class Predictor;

    // Codes any event but one a plain context predicted exactly.
    static std::uint8_t* encode_unusual(Predictor& predictor, std::size_t slot, const Event& event,
                                        const Event& previous, std::uint8_t* out);

    std::unique_ptr<Predictor> predictor_;
};

}  // namespace loopscope::trace
