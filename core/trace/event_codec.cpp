#include "trace/event_codec.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

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
constexpr std::size_t kWords = 4;
struct Words {
    std::array<std::uint64_t, kWords> word;
};
static_assert(sizeof(Words) == sizeof(Event));
// Errors are stored and loaded as little-endian 64-bit words.
static_assert(std::endian::native == std::endian::little);

constexpr std::uint64_t kKindBits = std::uint64_t{0xFFFF} << 32;  // of word 1
constexpr std::uint64_t kIterationBits = 0xFFFFFFFF;              // of word 1

// Word 1 with the kind `kind`.
std::uint64_t with_kind(std::uint64_t word, EventKind kind) {
    return (word & ~kKindBits) | std::uint64_t{static_cast<std::uint16_t>(kind)} << 32;
}

// For each set of words, a bit each, all ones in those words: a word's bit as a mask.
constexpr std::array<Words, 16> kWordMasks = [] {
    std::array<Words, 16> masks{};
    for (unsigned set = 0; set < masks.size(); ++set) {
        for (std::size_t i = 0; i < kWords; ++i) {
            masks[set].word[i] = 0 - std::uint64_t{(set >> i) & 1U};
        }
    }
    return masks;
}();

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

// After a wrong prediction each word's error, zigzagged so that small errors either way are
// small numbers: a header of two bytes with each word's error's length in bytes (0 for a
// word predicted right) in a nibble, word 0's in the low one, then those bytes, low first.
// A word holding two fields whose high one is right has the low field's error as its own:
// the borrow of a negative one only extends its sign. The kind is no part of word 1's error.
//
// Stored as one unaligned 8-byte store or load each, right or wrong, without branches or
// loops; the bytes a store writes past an error are overwritten by the next one, and a block
// ends with 8 bytes of padding so that a load never reads past it (the last word's, of no
// bytes, reads the 8 after the event).
constexpr std::size_t kHeaderBytes = 2;
constexpr std::size_t kBlockPadding = 8;
static_assert(EventCodec::kMaxEventBytes >= 1 + 2 + kHeaderBytes + kWords * 8 + kBlockPadding);

std::uint64_t zigzag(std::uint64_t error) {
    return (error << 1) ^ static_cast<std::uint64_t>(static_cast<std::int64_t>(error) >> 63);
}

std::uint64_t unzigzag(std::uint64_t coded) {
    return (coded >> 1) ^ (0 - (coded & 1));
}

// Bytes needed for each bit width, 0 to 64.
constexpr std::array<std::uint8_t, 65> kLengths = [] {
    std::array<std::uint8_t, 65> lengths{};
    for (std::size_t bits = 0; bits < lengths.size(); ++bits) {
        lengths[bits] = static_cast<std::uint8_t>((bits + 7) / 8);
    }
    return lengths;
}();

// The low bytes of a word kept for each length, 0 to 8.
constexpr std::array<std::uint64_t, 9> kLowBytes = [] {
    std::array<std::uint64_t, 9> masks{};
    for (std::size_t length = 0; length < 8; ++length) {
        masks[length] = (std::uint64_t{1} << (8 * length)) - 1;
    }
    masks[8] = ~std::uint64_t{0};
    return masks;
}();

std::uint8_t* put_errors(const Words& actual, const Words& predicted, std::uint8_t* out) {
    std::uint8_t* const header = out;
    out += kHeaderBytes;
    unsigned lengths = 0;
    for (std::size_t i = 0; i < kWords; ++i) {
        const std::uint64_t ignored = i == 1 ? kKindBits : 0;
        const std::uint64_t error =
            zigzag((actual.word[i] & ~ignored) - (predicted.word[i] & ~ignored));
        // (bit_width(0) would branch.)
        const unsigned length =
            error == 0 ? 0U : kLengths[static_cast<std::size_t>(std::bit_width(error | 1))];
        std::memcpy(out, &error, sizeof error);
        out += length;
        lengths |= length << (4 * i);
    }
    header[0] = static_cast<std::uint8_t>(lengths);
    header[1] = static_cast<std::uint8_t>(lengths >> 8);
    return out;
}

// `predicted`, whose kind bits are right, corrected by the errors put_errors() wrote at
// `bytes`.
Words take_errors(const std::uint8_t*& bytes, Words predicted) {
    const unsigned lengths = bytes[0] | unsigned{bytes[1]} << 8;
    bytes += kHeaderBytes;
    for (std::size_t i = 0; i < kWords; ++i) {
        const unsigned length = (lengths >> (4 * i)) & 0xF;
        std::uint64_t error;
        std::memcpy(&error, bytes, sizeof error);
        bytes += length;
        error = unzigzag(error & kLowBytes[std::min(length, 8U)]);
        if (i == 1) {
            const std::uint64_t kind = predicted.word[1] & kKindBits;
            predicted.word[1] = (((predicted.word[1] & ~kKindBits) + error) & ~kKindBits) | kind;
        } else {
            predicted.word[i] += error;
        }
    }
    return predicted;
}

}  // namespace

// The events seen in one context of the current block: the last one, and what the next is
// predicted to add to it (its last step, or that step's opposite for a word that alternates).
// One cache line.
struct alignas(64) EventCodec::Context {
    Words last;
    Words stride;
};

// The contexts, kept from block to block so that they are allocated once. Every block starts
// from empty contexts; rather than clearing the whole table, the contexts a block used are
// listed and only those are emptied.
//
// A context predicts its last event moved on by its last step once it has seen two, its last
// event after one; an empty context predicts the event just before. A word that a context
// got wrong, but that was the same as in the event just before, is predicted as that
// event's from then on, until it is wrong again: a callback's end names the handle its
// begin named, whichever handle that was.
class EventCodec::Predictor {
public:
    void start_block() {
        for (std::size_t i = 0; i < used_count_; ++i) {
            state_[used_[i]] = 0;
        }
        used_count_ = 0;
    }

    // Whether context `slot` has seen two events: its prediction is then predict_on().
    bool moving(std::size_t slot) const { return (state_[slot] & kMoving) != 0; }

    // The usual case, kept short: a context that moves on by its stride, no word copied and
    // none alternating, whose prediction is its last event moved on by its stride.
    bool plain(std::size_t slot) const { return state_[slot] == (kSeen | kMoving); }

    // Whether a plain context predicts `event` exactly; learns it if so.
    bool predicts_plainly(std::size_t slot, const Words& event) {
        Context& context = table_[slot];
        Words predicted;
        for (std::size_t i = 0; i < kWords; ++i) {
            predicted.word[i] = context.last.word[i] + context.stride.word[i];
        }
        if (!same_but_kind(event, predicted)) {
            return false;
        }
        context.last = event;
        return true;
    }

    // The event a plain context predicts, of kind `kind`, and learns.
    Words next_plainly(std::size_t slot, EventKind kind) {
        Context& context = table_[slot];
        Words event;
        for (std::size_t i = 0; i < kWords; ++i) {
            event.word[i] = context.last.word[i] + context.stride.word[i];
        }
        event.word[1] = with_kind(event.word[1], kind);
        context.last = event;
        return event;
    }

    // The prediction of a moving context (whose kind bits mean nothing): its last event moved
    // on by its stride, but for the words it copies from the event just before.
    Words predict_on(std::size_t slot, const Event& previous) const {
        const Context& context = table_[slot];
        Words predicted;
        for (std::size_t i = 0; i < kWords; ++i) {
            predicted.word[i] = context.last.word[i] + context.stride.word[i];
        }
        const unsigned copied = (state_[slot] & kCopied) >> kCopiedShift;
        if (copied != 0) {
            // Without a branch a word: which words are copied is anyone's guess.
            const Words before = words_of(previous);
            const Words& copy = kWordMasks[copied];
            for (std::size_t i = 0; i < kWords; ++i) {
                predicted.word[i] =
                    (predicted.word[i] & ~copy.word[i]) | (before.word[i] & copy.word[i]);
            }
        }
        return predicted;
    }

    // The prediction (whose kind bits mean nothing) of a context that has seen fewer than two
    // events: its one event at the time and in the iteration of the event just before, or
    // that event itself.
    Words predict_early(std::size_t slot, const Event& previous) {
        const Words before = words_of(previous);
        if ((state_[slot] & kSeen) == 0) {
            used_[used_count_++] = static_cast<std::uint16_t>(slot);
            return before;
        }
        Words event = table_[slot].last;
        event.word[0] = before.word[0];
        event.word[1] = (event.word[1] & ~kIterationBits) | (before.word[1] & kIterationBits);
        return event;
    }

    // Learns an event a moving context predicted exactly: the strides stay, but for
    // alternating words, whose next value is the one before again.
    void learn_exact(std::size_t slot, const Words& event) {
        Context& context = table_[slot];
        const unsigned alternating = state_[slot] & kAlternating;
        if (alternating != 0) [[unlikely]] {
            const Words& flip = kWordMasks[alternating];
            for (std::size_t i = 0; i < kWords; ++i) {
                context.stride.word[i] = (context.stride.word[i] ^ flip.word[i]) - flip.word[i];
            }
        }
        context.last = event;
    }

    // Learns any other event, after predict_early() or a wrong predict_on(`previous`) that
    // gave `predicted`.
    void learn(std::size_t slot, const Words& event, const Words& predicted,
               const Event& previous_event) {
        const Words previous = words_of(previous_event);
        Context& context = table_[slot];
        std::uint16_t& state = state_[slot];
        if ((state & kMoving) != 0) {
            const unsigned was_alternating = state & kAlternating;
            const unsigned was_copied = (state & kCopied) >> kCopiedShift;
            unsigned alternating = 0;
            unsigned copied = 0;
            for (std::size_t i = 0; i < kWords; ++i) {
                // A word alternates when it came back to the value before last (and did not
                // simply stay the same): a task id in an event two tasks take turns at.
                const std::uint64_t flip = kWordMasks[was_alternating].word[i];
                const std::uint64_t step = (context.stride.word[i] ^ flip) - flip;
                const std::uint64_t before_last = context.last.word[i] - step;
                const bool back = event.word[i] == before_last && step != 0;
                alternating |= (back ? 1U : 0U) << i;
                const std::uint64_t new_step = event.word[i] - context.last.word[i];
                const std::uint64_t new_flip = 0 - std::uint64_t{back ? 1U : 0U};
                context.stride.word[i] = (new_step ^ new_flip) - new_flip;
                // A word predicted right keeps its way; a wrong one is copied when that would
                // have been right.
                const std::uint64_t ignored = i == 1 ? kKindBits : 0;
                const bool right = ((event.word[i] ^ predicted.word[i]) & ~ignored) == 0;
                const bool as_previous = ((event.word[i] ^ previous.word[i]) & ~ignored) == 0;
                const bool copy = right ? ((was_copied >> i) & 1U) != 0 : as_previous;
                copied |= (copy ? 1U : 0U) << i;
            }
            state =
                static_cast<std::uint16_t>(kSeen | kMoving | alternating | copied << kCopiedShift);
        } else if ((state & kSeen) != 0) {
            for (std::size_t i = 0; i < kWords; ++i) {
                context.stride.word[i] = event.word[i] - context.last.word[i];
            }
            state = kSeen | kMoving;
        } else {
            state = kSeen;
        }
        context.last = event;
    }

private:
    // A context's state: a bit per word that alternates and per word copied from the event
    // before, and how many events it saw.
    static constexpr std::uint16_t kAlternating = 0x000F;
    static constexpr int kCopiedShift = 4;
    static constexpr std::uint16_t kCopied = 0x00F0;
    static constexpr std::uint16_t kSeen = 0x0100;    // one event or more
    static constexpr std::uint16_t kMoving = 0x0200;  // two or more

    std::array<Context, kContexts> table_{};
    std::array<std::uint16_t, kContexts> state_{};
    // The contexts the block used so far; each is listed once, when it sees its first event.
    std::array<std::uint16_t, kContexts> used_{};
    std::size_t used_count_ = 0;
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

// What the first event of a block is predicted from.
constexpr Event kNoEvent{};

}  // namespace

const std::size_t EventCodec::kTableBytes = sizeof(EventCodec::Predictor);

EventCodec::EventCodec() : predictor_(std::make_unique<Predictor>()) {}

EventCodec::~EventCodec() = default;

std::uint8_t* EventCodec::encode_unusual(Predictor& predictor, std::size_t slot, const Event& event,
                                         const Event& previous, std::uint8_t* out) {
    const Words actual = words_of(event);
    const bool moving = predictor.moving(slot);
    const Words predicted =
        moving ? predictor.predict_on(slot, previous) : predictor.predict_early(slot, previous);
    const bool exact = same_but_kind(actual, predicted);
    if (exact && moving) {
        predictor.learn_exact(slot, actual);
    } else {
        predictor.learn(slot, actual, predicted, previous);
    }
    const std::uint8_t code = code_of(event.kind);
    *out++ = static_cast<std::uint8_t>(code | (exact ? kExact : 0));
    if (code == kEscapeCode) {
        const auto number = static_cast<std::uint16_t>(event.kind);
        *out++ = static_cast<std::uint8_t>(number);
        *out++ = static_cast<std::uint8_t>(number >> 8);
    }
    if (!exact) {
        out = put_errors(actual, predicted, out);
    }
    return out;
}

std::uint8_t* EventCodec::encode(std::span<const Event> events, std::uint8_t* out) {
    if (events.empty()) {
        return out;
    }
    // Locals, not members, so that they stay in registers: the coded bytes are written
    // through a byte pointer, which could alias anything in memory.
    Predictor& predictor = *predictor_;
    predictor.start_block();
    ContextKey key;
    const Event* previous = &kNoEvent;
    for (const Event& event : events) {
        // Exactly what decode() does, so that both sides predict the same.
        // The usual case here; any other out of line, so that this loop keeps its few values
        // in registers.
        const std::size_t slot = key.slot_of(event.kind);
        const std::uint8_t code = code_of(event.kind);
        if (predictor.plain(slot) && code != kEscapeCode &&
            predictor.predicts_plainly(slot, words_of(event))) [[likely]] {
            *out++ = static_cast<std::uint8_t>(code | kExact);
        } else {
            out = encode_unusual(predictor, slot, event, *previous, out);
        }
        key.advance(event.kind, event.subject);
        previous = &event;
    }
    std::memset(out, 0, kBlockPadding);
    return out + kBlockPadding;
}

const std::uint8_t* EventCodec::decode(const std::uint8_t* bytes, std::span<Event> out) {
    if (out.empty()) {
        return bytes;
    }
    Predictor& predictor = *predictor_;
    predictor.start_block();
    ContextKey key;
    const Event* previous = &kNoEvent;
    for (Event& event : out) {
        const std::uint8_t head = *bytes++;
        const auto code = static_cast<std::uint8_t>(head & ~kExact);
        EventKind kind = kind_of(code);
        if (code == kEscapeCode) [[unlikely]] {
            kind = static_cast<EventKind>(bytes[0] | bytes[1] << 8);
            bytes += 2;
        }
        const std::size_t slot = key.slot_of(kind);
        const bool exact = (head & kExact) != 0;
        if (exact && predictor.plain(slot)) [[likely]] {
            event = event_of(predictor.next_plainly(slot, kind));
        } else {
            // Inline, unlike encode_unusual(): the event it writes is read again at once.
            const bool moving = predictor.moving(slot);
            Words predicted = moving ? predictor.predict_on(slot, *previous)
                                     : predictor.predict_early(slot, *previous);
            predicted.word[1] = with_kind(predicted.word[1], kind);
            if (exact && moving) {
                predictor.learn_exact(slot, predicted);
                event = event_of(predicted);
            } else {
                const Words actual = exact ? predicted : take_errors(bytes, predicted);
                predictor.learn(slot, actual, predicted, *previous);
                event = event_of(actual);
            }
        }
        key.advance(kind, event.subject);
        previous = &event;
    }
    return bytes + kBlockPadding;
}

}  // namespace loopscope::trace
