#pragma once

#include <vector>

#include "core/script/objects/object.h"
#include "core/script/objects/tracked_object.h"

namespace loopscope::script {

struct ListObject : TrackedObject {
    ListObject(Runtime& rt, std::vector<Value> items_);
    std::vector<Value> items;
    void clear_references() override;
};

Value make_list(Runtime& rt, std::vector<Value> items = {});
bool is_list(Runtime& rt, const Value& v);  // list or a subclass
inline std::vector<Value>& list_items(const Value& v) {
    return v.as<ListObject>()->items;
}
// list.sort(key=, reverse=) on a vector: stable, compares with `<` (ops compare), raises
// "'<' not supported between instances of 'str' and 'int'".
void sort_values(Runtime& rt, std::vector<Value>& items, const Value& key, bool reverse);

// The iterator the VM's `for` over a list can fast-path: items[index] while index < size.
struct ListIteratorObject : TrackedObject {
    ListIteratorObject(Runtime& rt, Value list_);
    Value list;  // a ListObject, None when exhausted
    std::size_t index = 0;
    void clear_references() override;
};

}  // namespace loopscope::script
