#pragma once

#include <string>
#include <vector>

#include "core/script/objects/object.h"

namespace loopscope::script {

// Helpers shared by list and tuple (internal to objects/).

// "[1, 2]" / "(1,)" with the recursion guard: "[...]" when the object is already being printed.
std::string sequence_repr(Runtime& rt, const Object* self, const std::vector<Value>& items,
                          const char* open, const char* close, bool single_comma);
// Lexicographic comparison as CPython's list_richcompare / tuplerichcompare.
Value sequence_compare(Runtime& rt, const std::vector<Value>& a, const std::vector<Value>& b,
                       CompareOp op);
std::vector<Value> repeat_items(Runtime& rt, const std::vector<Value>& items, std::int64_t n);
// seq.index(x[, start[, stop]]) bounds; -1 when absent.
std::int64_t find_item(Runtime& rt, const std::vector<Value>& items, const Value& x,
                       std::int64_t start, std::int64_t stop);
// Values of a slice of items.
std::vector<Value> slice_items(Runtime& rt, const std::vector<Value>& items, const Value& slice);
// Resolves the optional start/stop arguments of index() like CPython (negative from the end).
void index_bounds(Runtime& rt, const CallArgs& args, std::size_t first, std::int64_t length,
                  std::int64_t& start, std::int64_t& stop);

// RAII guard for recursive reprs: `active()` is false when the object is already on the stack.
class ReprGuard {
public:
    ReprGuard(Runtime& rt, const Object* self);
    ~ReprGuard();
    ReprGuard(const ReprGuard&) = delete;
    ReprGuard& operator=(const ReprGuard&) = delete;
    bool active() const { return active_; }

private:
    Runtime& rt_;
    bool active_;
};

}  // namespace loopscope::script
