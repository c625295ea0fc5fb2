#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/internal_ops.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/tuple.h"
#include "core/script/objects/type_object.h"

// `int | None` (types.UnionType): annotations evaluate it when a function is defined, and
// isinstance accepts it.

namespace loopscope::script {

namespace {

struct UnionObject : TrackedObject {
    UnionObject(Runtime& rt, TypeObject* union_type, std::vector<Value> members_)
        : TrackedObject(rt, union_type), members(std::move(members_)) {}
    std::vector<Value> members;  // classes and None, without duplicates
    void clear_references() override { members.clear(); }
};

bool union_member(Runtime& rt, const Value& v) {
    return v.is_none() || as_type(rt, v) || is_union(rt, v);
}

void add_members(Runtime& rt, std::vector<Value>& members, const Value& v) {
    if (is_union(rt, v)) {
        for (const Value& m : v.as<UnionObject>()->members) {
            add_members(rt, members, m);
        }
        return;
    }
    for (const Value& m : members) {
        if (identical(m, v)) {
            return;
        }
    }
    members.push_back(v);
}

}  // namespace

bool is_union(Runtime& rt, const Value& v) {
    return v.is_object() && v.as_object()->type == rt.types().UnionType.get();
}

const std::vector<Value>& union_members(const Value& v) {
    return v.as<UnionObject>()->members;
}

Value union_or(Runtime& rt, const Value& a, const Value& b) {
    if (!union_member(rt, a) || !union_member(rt, b)) {
        return rt.not_implemented();
    }
    std::vector<Value> members;
    add_members(rt, members, a);
    add_members(rt, members, b);
    return Value(Ref<UnionObject>::make(rt, rt.types().UnionType.get(), std::move(members)));
}

void install_union_type(Runtime& rt) {
    TypeObject& type = rt.types().UnionType;
    type.slots.repr = [](Runtime& r, const Value& self) {
        std::string out;
        for (const Value& m : self.as<UnionObject>()->members) {
            if (!out.empty()) {
                out += " | ";
            }
            TypeObject* t = as_type(r, m);
            out += t ? qualified_type_name(*t) : repr(r, m);
        }
        return out;
    };
    type.slots.number[static_cast<int>(NumberOp::Or)] = union_or;
    rt.types().NoneType->slots.number[static_cast<int>(NumberOp::Or)] = union_or;
}

}  // namespace loopscope::script
