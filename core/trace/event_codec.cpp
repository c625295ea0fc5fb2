#include "trace/event_codec.h"

#include <array>
#include <bit>
#include <vector>

namespace loopscope::trace {

namespace {

// The first byte of an event: its kind's code in the low seven bits, and the top bit set when
// the prediction was exact (nothing follows). The kinds in use are 0-31 and 64-158 (event.h
// numbers each layer's kinds from a multiple of 32), which fold into the codes 0-126; any
// other kind is written as code 127 and two bytes.
constexpr std::uint8_t kExact = 0x80;
constexpr std::uint8_t kEscapeCode = 127;

constexpr std::uint8_t fold(unsigned number) {
    if (number < 32) {
        return static_cast<std::uint8_t>(number);
    }
    if (number >= 64 && number < 64 + kEscapeCode - 32) {
        return static_cast<std::uint8_t>(number - 32);
    }
    return kEscapeCode;
}

// Looked up, not computed: the encoder asks for every event.
constexpr std::array<std::uint8_t, 256> kCodes = [] {
    std::array<std::uint8_t, 256> codes{};
    for (unsigned number = 0; number < codes.size(); ++number) {
        codes[number] = fold(number);
    }
    return codes;
}();

std::uint8_t code_of(EventKind kind) {
    const auto number = static_cast<unsigned>(kind);
    return number < kCodes.size() ? kCodes[number] : kEscapeCode;
}

EventKind kind_of(std::uint8_t code) {
    return static_cast<EventKind>(code < 32 ? code : code + 32);
}

// Predictions are made on an event's bytes as four 64-bit words, which keeps them in
// registers: word 0 is the time, word 1 the iteration, kind and flags, word 2 the subject and
// object, word 3 the value. Adding and subtracting whole words may carry from one field into
// the next; that only makes a prediction different, the same on both sides. The kind's bits
// are left out of comparisons: the kind is written first, never predicted.
struct Words {
    std::array<std::uint64_t, 4> word;
};
static_assert(sizeof(Words) == sizeof(Event));

constexpr std::uint64_t kIterationBits = 0xFFFFFFFF;              // of word 1
constexpr std::uint64_t kKindBits = std::uint64_t{0xFFFF} << 32;  // of word 1

Words words_of(const Event& event) {
    return std::bit_cast<Words>(event);
}

Event event_of(const Words& words) {
    return std::bit_cast<Event>(words);
}

bool same_but_kind(const Words& a, const Words& b) {
    return ((a.word[0] ^ b.word[0]) | ((a.word[1] ^ b.word[1]) & ~kKindBits) |
            (a.word[2] ^ b.word[2]) | (a.word[3] ^ b.word[3])) == 0;
}

// The fields a wrong prediction writes, in this order, each a bit of the mask byte.
constexpr std::size_t kFieldCount = 6;

std::array<std::uint64_t, kFieldCount> fields_of(const Event& event) {
    return {static_cast<std::uint64_t>(event.time),
            event.iteration,
            event.flags,
            event.subject,
            event.object,
            static_cast<std::uint64_t>(event.value)};
}

std::uint8_t* put_varint(std::uint64_t value, std::uint8_t* out) {
    while (value >= 0x80) {
        *out++ = static_cast<std::uint8_t>(value | 0x80);
        value >>= 7;
    }
    *out++ = static_cast<std::uint8_t>(value);
    return out;
}

std::uint64_t get_varint(const std::uint8_t*& in) {
    std::uint64_t value = 0;
    for (int shift = 0;; shift += 7) {
        const std::uint8_t byte = *in++;
        value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) {
            return value;
        }
    }
}

// Small errors either way become small varints.
std::uint64_t zigzag(std::uint64_t error) {
    return (error << 1) ^ static_cast<std::uint64_t>(static_cast<std::int64_t>(error) >> 63);
}

std::uint64_t unzigzag(std::uint64_t coded) {
    return (coded >> 1) ^ (0 - (coded & 1));
}

// After a wrong prediction: a byte with a bit for each wrong field, then each one's error.
std::uint8_t* put_errors(const std::array<std::uint64_t, kFieldCount>& actual,
                         const std::array<std::uint64_t, kFieldCount>& predicted,
                         std::uint8_t* out) {
    std::uint8_t& wrong = *out++;
    wrong = 0;
    for (std::size_t i = 0; i < kFieldCount; ++i) {
        if (actual[i] != predicted[i]) {
            wrong = static_cast<std::uint8_t>(wrong | 1U << i);
            out = put_varint(zigzag(actual[i] - predicted[i]), out);
        }
    }
    return out;
}

// Corrects `event`, as predicted, by the errors put_errors() wrote at `bytes`.
const std::uint8_t* take_errors(const std::uint8_t* bytes, Event& event) {
    const std::uint8_t wrong = *bytes++;
    auto fields = fields_of(event);
    for (std::size_t i = 0; i < kFieldCount; ++i) {
        if ((wrong >> i) & 1U) {
            fields[i] += unzigzag(get_varint(bytes));
        }
    }
    event = Event{static_cast<Nanos>(fields[0]),
                  static_cast<std::uint32_t>(fields[1]),
                  event.kind,
                  static_cast<std::uint16_t>(fields[2]),
                  static_cast<std::uint32_t>(fields[3]),
                  static_cast<std::uint32_t>(fields[4]),
                  static_cast<std::int64_t>(fields[5])};
    return bytes;
}

}  // namespace

// The events seen in one context of the current block: the last one and how it differed from
// the one before. One cache line.
struct alignas(64) EventCodec::Context {
    Words last;
    Words step;
};

// The contexts, kept from block to block so that they are allocated once. Every block starts
// from empty contexts; rather than clearing the whole table, the contexts a block used are
// listed and only those are emptied.
//
// A context predicts its last event moved on by its last step once it has seen two, its last
// event after one; an empty context predicts the event just before.
class EventCodec::Predictor {
public:
    void start_block() {
        for (const std::uint16_t used : used_) {
            seen_[used] = 0;
        }
        used_.clear();
    }

    // The prediction (whose kind bits mean nothing) for an event in context `slot`.
    Words predict(std::size_t slot, const Words& previous) {
        const Context& context = table_[slot];
        switch (seen_[slot]) {
            case 2: {
                // Each word moves on by its step, or back by it where it alternates.
                Words predicted;
                const unsigned alternating = alternating_[slot];
                for (std::size_t i = 0; i < predicted.word.size(); ++i) {
                    const std::uint64_t back = 0 - std::uint64_t{(alternating >> i) & 1U};
                    predicted.word[i] =
                        context.last.word[i] + ((context.step.word[i] ^ back) - back);
                }
                return predicted;
            }
            case 1:
                // One event to go by: its fields, at the time and in the iteration of the
                // event just before.
                return now(context.last, previous);
            default:
                used_.push_back(static_cast<std::uint16_t>(slot));
                return previous;
        }
    }

    // Learns the event that came, after predict() for it, and whether it was predicted
    // exactly.
    void learn(std::size_t slot, const Words& event, bool predicted_exactly) {
        Context& context = table_[slot];
        std::uint8_t& seen = seen_[slot];
        if (predicted_exactly && seen == 2) {
            // The usual case, kept short: the steps stay, but for alternating words, whose
            // next value is the one before again.
            const unsigned alternating = alternating_[slot];
            if (alternating != 0) {
                for (std::size_t i = 0; i < event.word.size(); ++i) {
                    if ((alternating >> i) & 1U) {
                        context.step.word[i] = 0 - context.step.word[i];
                    }
                }
            }
            context.last = event;
            return;
        }
        if (seen == 2) {
            // A word alternates when it came back to the value before last (and did not
            // simply stay the same): a task id in an event two tasks take turns at.
            unsigned alternating = 0;
            for (std::size_t i = 0; i < event.word.size(); ++i) {
                const std::uint64_t before_last = context.last.word[i] - context.step.word[i];
                const bool back = event.word[i] == before_last && context.step.word[i] != 0;
                alternating |= (back ? 1U : 0U) << i;
            }
            alternating_[slot] = static_cast<std::uint8_t>(alternating);
        } else if (seen == 1) {
            alternating_[slot] = 0;
        }
        if (seen != 0) {
            for (std::size_t i = 0; i < event.word.size(); ++i) {
                context.step.word[i] = event.word[i] - context.last.word[i];
            }
        }
        seen = seen == 2 ? 2 : static_cast<std::uint8_t>(seen + 1);
        context.last = event;
    }

private:
    // `event` moved to the time and iteration of `previous`.
    static Words now(Words event, const Words& previous) {
        event.word[0] = previous.word[0];
        event.word[1] = (event.word[1] & ~kIterationBits) | (previous.word[1] & kIterationBits);
        return event;
    }

    std::array<Context, kContexts> table_{};
    std::array<std::uint8_t, kContexts> seen_{};  // events each context saw, up to 2
    // A bit per word: predict it back to the value before last, not on by the step.
    std::array<std::uint8_t, kContexts> alternating_{};
    std::vector<std::uint16_t> used_;
};

namespace {

// Which context each event of a block falls in: its kind, the two kinds before it, and the
// stepping task's id modulo 4. A task that loops repeats itself even while another task
// interleaves its own steps, and a hundred thousand tasks each stepping once are alike from
// one to the fourth next.
class ContextKey {
public:
    std::size_t slot_of(EventKind kind) const {
        // Fibonacci hashing of the kind, the kinds before and the task: the product's top bits.
        const std::uint32_t key =
            (static_cast<std::uint32_t>(kind) & 0xFFU) | kinds_ << 8 | (task_ & 3U) << 24;
        return (key * 0x9E3779B1U) >> (32 - kContextBits);
    }

    void advance(EventKind kind, std::uint32_t subject) {
        kinds_ = (kinds_ << 8 | static_cast<std::uint32_t>(kind)) & 0xFFFFU;
        if (kind == EventKind::TaskStepBegin) {
            task_ = subject;
        } else if (kind == EventKind::TaskStepEnd) {
            task_ = 0;
        }
    }

private:
    static constexpr int kContextBits = std::countr_zero(EventCodec::kContexts);
    static_assert(EventCodec::kContexts == std::size_t{1} << kContextBits);

    std::uint32_t kinds_ = 0;  // the two kinds before, a byte each
    std::uint32_t task_ = 0;
};

}  // namespace

const std::size_t EventCodec::kTableBytes = sizeof(EventCodec::Predictor);

EventCodec::EventCodec() : predictor_(std::make_unique<Predictor>()) {}

EventCodec::~EventCodec() = default;

std::uint8_t* EventCodec::encode(std::span<const Event> events, std::uint8_t* out) {
    // Locals, not members, so that they stay in registers: the coded bytes are written
    // through a byte pointer, which could alias anything in memory.
    Predictor& predictor = *predictor_;
    predictor.start_block();
    ContextKey key;
    Words previous{};
    for (const Event& event : events) {
        // Exactly what decode() does, so that both sides predict the same.
        const std::size_t slot = key.slot_of(event.kind);
        const Words actual = words_of(event);
        const Words predicted = predictor.predict(slot, previous);
        const bool exact = same_but_kind(actual, predicted);
        predictor.learn(slot, actual, exact);
        key.advance(event.kind, event.subject);
        previous = actual;
        const std::uint8_t code = code_of(event.kind);
        *out++ = static_cast<std::uint8_t>(code | (exact ? kExact : 0));
        if (code == kEscapeCode) {
            const auto number = static_cast<std::uint16_t>(event.kind);
            *out++ = static_cast<std::uint8_t>(number);
            *out++ = static_cast<std::uint8_t>(number >> 8);
        }
        if (!exact) {
            out = put_errors(fields_of(event), fields_of(event_of(predicted)), out);
        }
    }
    return out;
}

const std::uint8_t* EventCodec::decode(const std::uint8_t* bytes, std::span<Event> out) {
    Predictor& predictor = *predictor_;
    predictor.start_block();
    ContextKey key;
    Words previous{};
    for (Event& event : out) {
        const std::uint8_t head = *bytes++;
        const auto code = static_cast<std::uint8_t>(head & ~kExact);
        EventKind kind = kind_of(code);
        if (code == kEscapeCode) {
            kind = static_cast<EventKind>(bytes[0] | bytes[1] << 8);
            bytes += 2;
        }
        const std::size_t slot = key.slot_of(kind);
        event = event_of(predictor.predict(slot, previous));
        event.kind = kind;
        const bool exact = (head & kExact) != 0;
        if (!exact) {
            bytes = take_errors(bytes, event);
        }
        const Words actual = words_of(event);
        predictor.learn(slot, actual, exact);
        key.advance(kind, event.subject);
        previous = actual;
    }
    return bytes;
}

}  // namespace loopscope::trace
