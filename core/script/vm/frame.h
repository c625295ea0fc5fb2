#pragma once

#include <algorithm>
#include <cstdint>
#include <new>
#include <stdexcept>
#include <vector>

#include "script/objects/attributes.h"
#include "script/vm/code.h"
#include "script/vm/function.h"

namespace loopscope::script::vm {

struct GeneratorObject;

// An exception handler pushed by SETUP_FINALLY: where to jump, and how deep the value stack is.
struct Block {
    std::uint32_t handler;
    std::uint32_t depth;
};

// One activation of a code object. Frames of plain calls come from the VM's pool and go back to
// it on return; a generator's or coroutine's frame belongs to it while suspended, which is all a
// coroutine needs: its whole state (pc, value stack, handlers) is here, not on the C++ stack.
//
// A suspended coroutine keeps its frame, one per task of a script, so the layout is for size
// (128 bytes, an allocator size class): the function is reached through `function_ref`, the
// value stack's base is computed from the slots, the slots are one block of exactly the Values
// the code needs and the handler stack a small array made at the first SETUP_FINALLY (neither
// a std::vector with its 24 bytes and spare capacity), and the flags and counts share a word.
struct Frame {
    Frame() = default;
    Frame(const Frame&) = delete;
    Frame& operator=(const Frame&) = delete;
    ~Frame() {
        free_slots();
        delete[] blocks;
    }

    CodeObject* code = nullptr;
    Value function_ref;  // the FunctionObject: keeps function, code and globals alive
    Attributes* globals = nullptr;
    Attributes* names = nullptr;  // a class body's namespace (null otherwise)

    // `capacity` Values, owned: slots (locals, cells, frees), then the value stack. A pooled
    // frame keeps its block, all None, for the next call (acquire_frame grows it if needed).
    Value* slots = nullptr;
    Value* sp = nullptr;   // one past the top of the value stack
    std::uint32_t pc = 0;  // the instruction executing (or to resume after, once started)
    std::uint32_t capacity = 0;
    Block* blocks = nullptr;  // `block_capacity` entries, `block_count` of them in use

    Frame* back = nullptr;  // the frame that called or resumed this one
    Value handled;          // the exception an `except` of this frame is handling (exc_info)
    GeneratorObject* generator = nullptr;
    bool started = false;
    bool entry = false;       // returning or yielding from it leaves the dispatch loop
    bool yielded = false;     // set when it left by YIELD_VALUE
    bool delegating = false;  // suspended at SEND's yield (await / yield from)
    bool has_pending_throw = false;
    std::uint8_t block_count = 0;
    std::uint8_t block_capacity = 0;
    Value pending_throw;  // raised at the resume point (generator.throw)

    // The value stack's base: right after the slots (locals, cells, frees).
    Value* stack() const { return slots + code->slot_count(); }

    // The handler stack (SETUP_FINALLY, POP_BLOCK, unwinding). The compiler allows 20
    // statically nested blocks, so a byte counts them.
    void push_block(Block block) {
        if (block_count == block_capacity) {
            grow_blocks();
        }
        blocks[block_count++] = block;
    }
    Block pop_block() { return blocks[--block_count]; }
    bool has_blocks() const { return block_count != 0; }

    FunctionObject& function() const { return *function_ref.as<FunctionObject>(); }

    // Replaces the slots by `count` Values, all None. Raw memory, not new[]: an array of a type
    // with a destructor carries a hidden count, and 8 bytes more would put a coroutine's 128
    // bytes of slots in a larger size class of the allocator.
    void allocate_slots(std::uint32_t count) {
        free_slots();
        slots = static_cast<Value*>(::operator new(count * sizeof(Value)));
        for (std::uint32_t i = 0; i < count; ++i) {
            new (&slots[i]) Value();
        }
        capacity = count;
    }
    void grow_blocks() {
        const int grown = block_capacity == 0 ? 2 : block_capacity * 2;
        if (grown > 255) {
            throw std::length_error("too many nested blocks in one frame");
        }
        Block* larger = new Block[static_cast<std::size_t>(grown)];
        std::copy(blocks, blocks + block_count, larger);
        delete[] blocks;
        blocks = larger;
        block_capacity = static_cast<std::uint8_t>(grown);
    }
    void free_slots() noexcept {
        for (std::uint32_t i = 0; i < capacity; ++i) {
            slots[i].~Value();
        }
        ::operator delete(slots);
        slots = nullptr;
        capacity = 0;
    }
    int line() const { return code ? code->line_at(pc) : 0; }
};

}  // namespace loopscope::script::vm
