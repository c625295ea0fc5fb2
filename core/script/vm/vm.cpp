#include "script/vm/vm.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>

#include "script/objects/cpython_library.h"
#include "script/objects/dict.h"
#include "script/objects/errors.h"
#include "script/objects/list.h"
#include "script/objects/ops.h"
#include "script/objects/range.h"
#include "script/objects/runtime.h"
#include "script/objects/set.h"
#include "script/objects/slice.h"
#include "script/objects/stack_guard.h"
#include "script/objects/str.h"
#include "script/objects/tuple.h"
#include "script/vm/generator.h"
#include "script/vm/traceback.h"

namespace loopscope::script::vm {

namespace {

constexpr std::int32_t kCheckInterval = 4096;
constexpr std::size_t kFramePoolSize = 2048;

[[noreturn]] void type_error(Runtime& rt, std::string message) {
    raise_error(rt, rt.types().TypeError, std::move(message));
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// 'a', 'b', and 'c' — CPython's list of missing names.
std::string name_list(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) {
            if (names.size() == 2)
                out += " and ";
            else if (i + 1 == names.size())
                out += ", and ";
            else
                out += ", ";
        }
        out += "'" + names[i] + "'";
    }
    return out;
}

// Empties a stack or local slot without Value's out-of-line assignment (hot in the loop).
[[gnu::always_inline]] inline void clear_slot(Value& v) {
    if (v.is_object()) {
        Object* o = v.as_object();
        new (&v) Value();
        decref(o);
    } else {
        new (&v) Value();
    }
}

void set_add(Runtime& rt, const Value& set, const Value& item) {
    set.as<SetObject>()->add(rt, item);
}

}  // namespace

// --- state -----------------------------------------------------------------------------------

VmState::VmState(Runtime& runtime) : rt(runtime) {}

VmState::~VmState() {
    for (Frame* f : free_frames)
        delete f;
}

VmState& vm_state(Runtime& rt) {
    if (!rt.vm_state) {
        auto* vm = new VmState(rt);
        rt.vm_state = vm;
        rt.vm_state_deleter = [&rt]() {
            delete static_cast<VmState*>(rt.vm_state);
            rt.vm_state = nullptr;
        };
        install_function_types(*vm);
        install_generator_types(*vm);
        vm->traceback_type = make_native_type(rt, "traceback", nullptr);
        vm->budget = kCheckInterval;
    }
    return *static_cast<VmState*>(rt.vm_state);
}

std::string instruction_limit_message(const InstructionLimitExceeded& e) {
    return "Loopscope stopped the script: it " +
           std::string(e.trace_events ? "recorded more than " : "ran more than ") +
           std::to_string(e.limit) + (e.trace_events ? " trace events" : " instructions") +
           " without finishing (line " + std::to_string(e.line) + ")";
}

int current_line(Runtime& rt) {
    if (!rt.vm_state)
        return 0;
    VmState& vm = vm_state(rt);
    return vm.thread().current ? vm.thread().current->line() : 0;
}

std::string current_filename(Runtime& rt) {
    if (!rt.vm_state)
        return {};
    VmState& vm = vm_state(rt);
    return vm.thread().current && vm.thread().current->code ? vm.thread().current->code->filename
                                                            : std::string();
}

// --- frames ----------------------------------------------------------------------------------

// Pooled frames keep their storage, all None (the invariant release_frame restores), so taking
// one only writes the slots the code uses.
Frame* acquire_frame(VmState& vm, FunctionObject& function) {
    Frame* f;
    if (!vm.free_frames.empty()) {
        f = vm.free_frames.back();
        vm.free_frames.pop_back();
    } else {
        f = new Frame;
    }
    CodeObject& c = *function.code;
    f->code = &c;
    new (&f->function_ref) Value(static_cast<Object*>(&function));
    f->globals = &function.module->dict;
    f->names = nullptr;
    std::size_t nlocals = c.varnames.size();
    auto total = static_cast<std::size_t>(c.slot_count() + c.stack_size);
    if (f->capacity < total) {
        // Exactly what the code needs: a coroutine's frame keeps its block while it waits.
        f->allocate_slots(static_cast<std::uint32_t>(total));
    }
    Value* slots = f->slots;
    Object* marker = unbound_marker();
    for (std::size_t i = 0; i < nlocals; ++i)
        new (&slots[i]) Value(marker);
    f->sp = f->stack();
    f->pc = 0;
    f->started = false;
    f->back = nullptr;
    f->generator = nullptr;
    f->entry = false;
    f->yielded = false;
    f->delegating = false;
    f->has_pending_throw = false;
    std::size_t ncells = c.cellvars.size();
    for (std::size_t i = 0; i < function.closure.size(); ++i)
        new (&slots[nlocals + ncells + i]) Value(function.closure[i]);
    return f;
}

namespace {
inline void reset(Value& v) {
    if (v.is_object())
        v = Value();
    else
        new (&v) Value();
}
}  // namespace

void release_frame(VmState& vm, Frame* f) {
    if (f->code) {
        Value* slots = f->slots;
        auto nslots = static_cast<std::size_t>(f->code->slot_count());
        for (std::size_t i = 0; i < nslots; ++i)
            reset(slots[i]);
        for (Value* p = f->stack(); p < f->sp; ++p)
            reset(*p);
    }
    f->block_count = 0;
    if (!f->handled.is_none())
        f->handled = Value();
    if (!f->pending_throw.is_none())
        f->pending_throw = Value();
    reset(f->function_ref);
    f->code = nullptr;
    f->generator = nullptr;
    if (vm.free_frames.size() < kFramePoolSize)
        vm.free_frames.push_back(f);
    else
        delete f;
}

// Makes the cells of a frame whose parameters are bound (a parameter's cell starts with it).
static void make_cells(Runtime& rt, Frame& f) {
    CodeObject& c = *f.code;
    std::size_t nlocals = c.varnames.size();
    for (std::size_t i = 0; i < c.cellvars.size(); ++i) {
        int p = c.cell_parameters[i];
        Value initial = p >= 0 ? f.slots[p] : unbound();
        f.slots[nlocals + i] = Value(Ref<CellObject>::make(rt, std::move(initial)));
    }
}

void bind_arguments(Runtime& rt, Frame& f, FunctionObject& fn, const Value* positional,
                    std::size_t count, const CallArgs& kw) {
    CodeObject& c = *fn.code;
    Value* slots = f.slots;
    auto argcount = static_cast<std::size_t>(c.argcount);
    auto kwonly = static_cast<std::size_t>(c.kwonlyargcount);
    bool varargs = c.has(CodeObject::kVarArgs);
    bool varkw = c.has(CodeObject::kVarKeywords);
    if (count == argcount && !varargs && !varkw && kw.keyword_names.empty() && kwonly == 0) {
        for (std::size_t i = 0; i < count; ++i)
            slots[i] = positional[i];
        if (!c.cellvars.empty())
            make_cells(rt, f);
        return;
    }
    std::size_t n = std::min(count, argcount);
    for (std::size_t i = 0; i < n; ++i)
        slots[i] = positional[i];
    std::size_t next = argcount + kwonly;
    if (varargs) {
        std::vector<Value> rest;
        for (std::size_t i = n; i < count; ++i)
            rest.push_back(positional[i]);
        slots[next++] = make_tuple(rt, std::move(rest));
    } else if (count > argcount) {
        std::size_t with_default = fn.defaults.size();
        std::string takes;
        if (with_default > 0)
            takes = "from " + std::to_string(argcount - with_default) + " to " +
                    std::to_string(argcount) + " positional arguments";
        else
            takes = plural(argcount, "positional argument", "positional arguments");
        std::size_t kw_given = 0;
        for (std::size_t k = 0; k < kw.keyword_names.size(); ++k)
            for (std::size_t j = argcount; j < argcount + kwonly; ++j)
                if (c.varnames[j] == kw.keyword_names[k])
                    ++kw_given;
        std::string given = std::to_string(count);
        if (kw_given > 0)
            given += " positional " + std::string(count == 1 ? "argument" : "arguments") +
                     " (and " +
                     plural(kw_given, "keyword-only argument", "keyword-only arguments") + ")";
        type_error(rt, fn.qualname + "() takes " + takes + " but " + given + " " +
                           (count == 1 && kw_given == 0 ? "was" : "were") + " given");
    }
    Value kwdict;
    if (varkw) {
        kwdict = make_dict(rt);
        slots[next] = kwdict;
    }
    std::vector<std::string> posonly_as_kw;
    for (std::size_t k = 0; k < kw.keyword_names.size(); ++k) {
        std::string_view name = kw.keyword_names[k];
        std::size_t j = static_cast<std::size_t>(c.posonlyargcount);
        for (; j < argcount + kwonly; ++j)
            if (c.varnames[j] == name)
                break;
        if (j < argcount + kwonly) {
            if (!is_unbound(slots[j]))
                type_error(rt, fn.qualname + "() got multiple values for argument '" +
                                   std::string(name) + "'");
            slots[j] = kw.keyword_values[k];
            continue;
        }
        if (varkw) {
            kwdict.as<DictObject>()->set(rt, make_str(rt, name), kw.keyword_values[k]);
            continue;
        }
        bool posonly = false;
        for (int p = 0; p < c.posonlyargcount; ++p)
            if (c.varnames[static_cast<std::size_t>(p)] == name)
                posonly = true;
        if (posonly) {
            posonly_as_kw.emplace_back(name);
            continue;
        }
        type_error(
            rt, fn.qualname + "() got an unexpected keyword argument '" + std::string(name) + "'");
    }
    if (!posonly_as_kw.empty()) {
        std::string names;
        for (std::size_t i = 0; i < posonly_as_kw.size(); ++i)
            names += (i ? ", '" : "'") + posonly_as_kw[i] + "'";
        type_error(
            rt, fn.qualname +
                    "() got some positional-only arguments passed as keyword arguments: " + names);
    }
    if (count < argcount) {
        std::size_t first_default = argcount - fn.defaults.size();
        std::vector<std::string> missing;
        for (std::size_t i = count; i < argcount; ++i) {
            if (!is_unbound(slots[i]))
                continue;
            if (i >= first_default)
                slots[i] = fn.defaults[i - first_default];
            else
                missing.push_back(c.varnames[i]);
        }
        if (!missing.empty())
            type_error(rt, fn.qualname + "() missing " +
                               plural(missing.size(), "required positional argument",
                                      "required positional arguments") +
                               ": " + name_list(missing));
    }
    if (kwonly > 0) {
        std::vector<std::string> missing;
        for (std::size_t i = argcount; i < argcount + kwonly; ++i) {
            if (!is_unbound(slots[i]))
                continue;
            bool found = false;
            for (const auto& [name, value] : fn.kw_defaults)
                if (name == c.varnames[i]) {
                    slots[i] = value;
                    found = true;
                }
            if (!found)
                missing.push_back(c.varnames[i]);
        }
        if (!missing.empty())
            type_error(rt, fn.qualname + "() missing " +
                               plural(missing.size(), "required keyword-only argument",
                                      "required keyword-only arguments") +
                               ": " + name_list(missing));
    }
    if (!c.cellvars.empty())
        make_cells(rt, f);
}

namespace {

void check_recursion(VmState& vm) {
    if (vm.thread().depth + vm.rt.native_call_depth >= vm.rt.limits.recursion) {
        raise_error(vm.rt, vm.rt.types().RecursionError, "maximum recursion depth exceeded");
    }
    // Each entry nests C++ frames too: a raised recursion limit must not overflow the stack.
    check_native_stack(vm.rt);
}

// The exception being handled by the innermost frame that handles one (sys.exc_info()).
Value handled_exception(Frame* f) {
    for (; f; f = f->back)
        if (!f->handled.is_none())
            return f->handled;
    return Value();
}

// A new exception raised while another is handled gets it as __context__ (CPython's
// _PyErr_SetObject), without making a cycle.
void set_context(Runtime& rt, const Value& exc, Frame* f) {
    Value handled = handled_exception(f);
    if (handled.is_none() || identical(handled, exc))
        return;
    ExceptionObject* e = as_exception(rt, exc);
    if (!e || !e->context.is_none())
        return;
    // Break a cycle: if exc is already in handled's context chain, cut it there.
    Value o = handled;
    while (ExceptionObject* oe = as_exception(rt, o)) {
        if (identical(oe->context, exc)) {
            oe->context = Value();
            break;
        }
        o = oe->context;
    }
    e->context = handled;
}

std::string_view name_at(const CodeObject& c, std::uint32_t i) {
    return c.names[i];
}

[[noreturn]] void name_error(Runtime& rt, std::string_view name) {
    Value exc =
        make_exception(rt, rt.types().NameError, "name '" + std::string(name) + "' is not defined");
    if (ExceptionObject* e = as_exception(rt, exc))
        e->dict.set("name", make_str(rt, name));
    throw ScriptError{exc};
}

Value load_global(Runtime& rt, Frame& f, std::string_view name) {
    if (const Value* v = f.globals->find_slot(name))
        return *v;
    if (const Value* v = rt.builtins().find_slot(name))
        return *v;
    name_error(rt, name);
}

bool is_host_awaitable(const Value& v) {
    return v.is_object() && v.as_object()->type && v.as_object()->type->slots.host_awaitable;
}

Value build_class(VmState& vm, const Value& body, const Value& name, const Value& bases_tuple) {
    Runtime& rt = vm.rt;
    FunctionObject* fn = as_function(body);
    Attributes ns;
    Frame* frame = acquire_frame(vm, *fn);
    frame->names = &ns;
    make_cells(rt, *frame);
    frame->entry = true;
    frame->back = vm.thread().current;
    try {
        execute(vm, frame);
    } catch (...) {
        release_frame(vm, frame);
        throw;
    }
    release_frame(vm, frame);
    Value cell;
    if (Value* c = ns.find_slot("__classcell__")) {
        cell = *c;
        ns.remove("__classcell__");
    }
    std::vector<Ref<TypeObject>> bases;
    for (const Value& b : tuple_items(bases_tuple)) {
        TypeObject* t = as_type(rt, b);
        if (!t)
            type_error(rt, "bases must be types");
        bases.emplace_back(t);
    }
    Ref<TypeObject> cls =
        make_class(rt, std::string(str_view(name)), std::move(bases), std::move(ns));
    Value result(cls);
    if (!cell.is_none())
        cell.as<CellObject>()->contents = result;
    return result;
}

void import_star(Runtime& rt, const Value& module, Frame& f) {
    auto* m = static_cast<ModuleObject*>(module.as_object());
    Attributes& target = f.names ? *f.names : *f.globals;
    Value all;
    if (m->dict.get("__all__", all)) {
        for (const Value& n : to_vector(rt, all)) {
            std::string_view name = str_view(n);
            target.set(name, get_attr(rt, module, name));
        }
        return;
    }
    std::vector<std::pair<std::string, Value>> items;
    m->dict.for_each([&](const std::string& name, const Value& v) {
        if (!name.empty() && name[0] != '_')
            items.emplace_back(name, v);
    });
    for (auto& [name, v] : items)
        target.set(name, v);
}

Value import_from(Runtime& rt, const Value& module, std::string_view name,
                  const std::string& importer_file) {
    Value out;
    if (lookup_attr(rt, module, name, out))
        return out;
    if (is_module(rt, module)) {
        // `from package import submodule` imports the submodule.
        auto* m = static_cast<ModuleObject*>(module.as_object());
        bool package = m->file.empty() || m->file.ends_with("__init__.py");
        if (package && !rt.has_native_module(m->name)) {
            try {
                return import_module(rt, m->name + "." + std::string(name), importer_file);
            } catch (ScriptError& e) {
                if (!is_instance(rt, e.exception, rt.types().ModuleNotFoundError))
                    throw;
            }
        }
    }
    std::string mod_name = "<unknown module name>";
    std::optional<std::string> file;
    if (is_module(rt, module)) {
        auto* m = static_cast<ModuleObject*>(module.as_object());
        mod_name = m->name;
        if (!m->file.empty())
            file = m->file;
        else if (rt.has_native_module(m->name))
            file = cpython_module_file(m->name);
    }
    Value exc = make_exception(rt, rt.types().ImportError,
                               "cannot import name '" + std::string(name) + "' from '" + mod_name +
                                   "' (" + file.value_or("unknown location") + ")");
    // What the traceback's "Did you mean" reads (CPython's ImportError.name and name_from).
    auto* e = exc.as<ExceptionObject>();
    e->dict.set("name", make_str(rt, mod_name));
    e->dict.set("path", file ? make_str(rt, *file) : Value());
    e->dict.set("name_from", make_str(rt, name));
    throw ScriptError{exc};
}

void unpack(Runtime& rt, const Value& seq, std::size_t before, std::size_t after, bool star,
            Value*& sp) {
    std::vector<Value> items;
    const std::vector<Value>* view = nullptr;
    if (seq.is_object() && seq.as_object()->type == rt.types().tuple.get())
        view = &tuple_items(seq);
    else if (seq.is_object() && seq.as_object()->type == rt.types().list.get())
        view = &list_items(seq);
    if (!view) {
        TypeObject& t = type_of(rt, seq);
        if (!t.slots.iter && !t.slots.getitem && !t.lookup("__iter__"))
            type_error(rt,
                       "cannot unpack non-iterable " + std::string(type_name(rt, seq)) + " object");
        items = to_vector(rt, seq);
        view = &items;
    }
    std::size_t n = view->size();
    if (!star) {
        if (n < before)
            raise_error(rt, rt.types().ValueError,
                        "not enough values to unpack (expected " + std::to_string(before) +
                            ", got " + std::to_string(n) + ")");
        if (n > before)
            raise_error(rt, rt.types().ValueError,
                        "too many values to unpack (expected " + std::to_string(before) + ")");
        for (std::size_t i = n; i > 0; --i)
            *sp++ = (*view)[i - 1];
        return;
    }
    if (n < before + after)
        raise_error(rt, rt.types().ValueError,
                    "not enough values to unpack (expected at least " +
                        std::to_string(before + after) + ", got " + std::to_string(n) + ")");
    for (std::size_t i = 0; i < after; ++i)
        *sp++ = (*view)[n - 1 - i];
    std::vector<Value> middle(view->begin() + static_cast<std::ptrdiff_t>(before),
                              view->begin() + static_cast<std::ptrdiff_t>(n - after));
    *sp++ = make_list(rt, std::move(middle));
    for (std::size_t i = before; i > 0; --i)
        *sp++ = (*view)[i - 1];
}

Value format_value(Runtime& rt, const Value& v, std::uint32_t conversion, const Value* spec) {
    Value converted = v;
    switch (conversion & 3) {
        case 1:
            converted = make_str(rt, to_str(rt, v));
            break;
        case 2:
            converted = make_str(rt, repr(rt, v));
            break;
        case 3: {
            // ascii(): the repr with non-ASCII characters escaped.
            std::string text = repr(rt, v);
            std::string out;
            std::size_t i = 0;
            while (i < text.size()) {
                auto byte = static_cast<unsigned char>(text[i]);
                if (byte < 0x80) {
                    out += text[i++];
                    continue;
                }
                std::uint32_t cp = decode_utf8(text, i);
                char buffer[16];
                if (cp <= 0xff)
                    std::snprintf(buffer, sizeof buffer, "\\x%02x", cp);
                else if (cp <= 0xffff)
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", cp);
                else
                    std::snprintf(buffer, sizeof buffer, "\\U%08x", cp);
                out += buffer;
            }
            converted = make_str(rt, std::move(out));
            break;
        }
        default:
            break;
    }
    std::string_view spec_text = spec ? str_view(*spec) : std::string_view();
    if (spec_text.empty() && converted.is_object() &&
        converted.as_object()->type == rt.types().str.get())
        return converted;
    return make_str(rt, format(rt, converted, spec_text));
}

void prepare_keywords(const CodeObject& c, std::uint16_t index, CallArgs& args, const Value* values,
                      std::size_t count) {
    const auto& names = c.keyword_views[index];
    args.keyword_names = std::span<const std::string_view>(names.data(), names.size());
    args.keyword_values = std::span<const Value>(values, count);
}

Value call_ex(Runtime& rt, const Value& callable, const Value& args_tuple, const Value* kwargs) {
    CallArgs args;
    const auto& positional = tuple_items(args_tuple);
    args.positional = positional;
    std::vector<std::string> names;
    std::vector<std::string_view> views;
    std::vector<Value> values;
    if (kwargs) {
        auto* d = kwargs->as<DictObject>();
        for (const auto& e : d->entries) {
            if (!e.live())
                continue;
            names.emplace_back(str_view(e.key));
            values.push_back(e.value);
        }
        for (const auto& n : names)
            views.push_back(n);
        args.keyword_names = views;
        args.keyword_values = values;
    }
    return call(rt, callable, args);
}

void dict_merge(Runtime& rt, const Value& dict, const Value& other, const Value& callable) {
    auto* d = dict.as<DictObject>();
    if (!is_dict(rt, other)) {
        Value keys;
        if (!lookup_attr(rt, other, "keys", keys))
            type_error(rt, std::string(type_name(rt, callable)) +
                               " argument after ** must be a mapping, not " +
                               std::string(type_name(rt, other)));
        for (const Value& k : to_vector(rt, call(rt, keys, {})))
            d->set(rt, k, get_item(rt, other, k));
        return;
    }
    auto* o = other.as<DictObject>();
    for (const auto& e : o->entries) {
        if (!e.live())
            continue;
        if (!is_str(rt, e.key))
            type_error(rt, "keywords must be strings");
        if (d->find(rt, e.key)) {
            std::string fname = "function";
            if (FunctionObject* fn = as_function(callable))
                fname = fn->qualname + "()";
            type_error(rt, fname + " got multiple values for keyword argument '" +
                               std::string(str_view(e.key)) + "'");
        }
        d->set(rt, e.key, e.value);
    }
}

void check_limits(VmState& vm, Frame* f) {
    Runtime& rt = vm.rt;
    if (vm.limit_hit) {
        vm.budget = 1;
        throw vm.limit;
    }
    if (vm.stop_hit) {
        vm.budget = 1;
        throw ScriptStopped{f->line()};
    }
    vm.instructions += kCheckInterval - vm.budget;
    vm.budget = kCheckInterval;
    if (rt.limits.instructions > 0 && vm.instructions > rt.limits.instructions) {
        vm.limit_hit = true;
        vm.limit = InstructionLimitExceeded{rt.limits.instructions, f->line(), f->code->filename};
        vm.budget = 1;
        throw vm.limit;
    }
    // A loop that runs callbacks or steps tasks forever runs few instructions each time, and
    // would take minutes to use up the budget above; its trace says how much it has done.
    if (rt.limits.trace_events > 0 && rt.trace_events_recorded &&
        static_cast<std::int64_t>(rt.trace_events_recorded()) > rt.limits.trace_events) {
        vm.limit_hit = true;
        vm.limit =
            InstructionLimitExceeded{rt.limits.trace_events, f->line(), f->code->filename, true};
        vm.budget = 1;
        throw vm.limit;
    }
    if (rt.stop_requested.load(std::memory_order_relaxed)) {
        vm.stop_hit = true;
        vm.budget = 1;
        throw ScriptStopped{f->line()};
    }
}

}  // namespace

// --- the dispatch loop ------------------------------------------------------------------------

Value execute(VmState& vm, Frame* entry) {
    Runtime& rt = vm.rt;
    Frame* f = entry;
    Frame* saved_current = vm.thread().current;
    entry->entry = true;
    entry->yielded = false;
    if (!entry->back)
        entry->back = vm.thread().current;
    check_recursion(vm);
    ++vm.thread().depth;
    vm.thread().current = f;

    const Instruction* code = f->code->code.data();
    const Value* consts = f->code->constants.data();
    Value* slots = f->slots;
    Value* sp = f->sp;
    std::uint32_t pc = f->started ? f->pc + 1 : 0;
    f->started = true;

    bool pending = false;  // an exception to raise at `pc` before dispatching
    Value pending_exception;
    bool pending_reraise = false;
    if (f->has_pending_throw) {
        f->has_pending_throw = false;
        pending = true;
        pending_exception = std::move(f->pending_throw);
        pc = f->pc;
    }

    // Leaves the loop (for any C++ exception that is not a Python one): frames pushed by this
    // loop go back to the pool; the entry frame is the caller's.
    auto abandon_frames = [&]() {
        while (f != entry) {
            Frame* back = f->back;
            release_frame(vm, f);
            --vm.thread().depth;
            f = back;
        }
        --vm.thread().depth;
        vm.thread().current = saved_current;
    };

#define LOAD_FRAME()                        \
    do {                                    \
        code = f->code->code.data();        \
        consts = f->code->constants.data(); \
        slots = f->slots;                   \
        sp = f->sp;                         \
        vm.thread().current = f;            \
    } while (0)
// Slots above sp are None (the stack's invariant), so pushing constructs in place.
#define PUSH(v) (new (sp++) Value(v))
// A prvalue, so the slot is always emptied: bound to a const reference, a plain std::move would
// leave the value in the slot, and the next PUSH (a placement new) would leak it.
#define POP() (Value(std::move(*--sp)))
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<std::ptrdiff_t>(n)])

    for (;;) {
        try {
            if (pending) {
                pending = false;
                Value exc = std::move(pending_exception);
                f->pc = pc;
                f->sp = sp;
                if (pending_reraise) {
                    pending_reraise = false;
                    throw ScriptError{exc};
                }
                set_context(rt, exc, f);
                throw ScriptError{exc};
            }
            for (;;) {
                if (--vm.budget <= 0) {
                    f->pc = pc;
                    check_limits(vm, f);
                }
                const Instruction ins = code[pc];
                f->pc = pc;
                ++pc;
                switch (ins.op) {
                    case Op::Nop:
                        break;
                    case Op::PopTop:
                        clear_slot(*--sp);
                        break;
                    case Op::Copy: {
                        Value v = PEEK(ins.a);
                        PUSH(std::move(v));
                        break;
                    }
                    case Op::Swap:
                        sp[-1].swap(sp[-static_cast<std::ptrdiff_t>(ins.a)]);
                        break;
                    case Op::LoadConst:
                        PUSH(consts[ins.a]);
                        break;
                    case Op::LoadFast:
                    case Op::LoadFastChecked: {
                        const Value& v = slots[ins.a];
                        if (is_unbound(v)) [[unlikely]] {
                            std::string n = f->code->varnames[ins.a];
                            Value exc =
                                make_exception(rt, rt.types().UnboundLocalError,
                                               "cannot access local variable '" + n +
                                                   "' where it is not associated with a value");
                            throw ScriptError{exc};
                        }
                        PUSH(v);
                        break;
                    }
                    case Op::StoreFast: {
                        Value& dst = slots[ins.a];
                        clear_slot(dst);
                        new (&dst) Value(std::move(*--sp));
                        break;
                    }
                    case Op::DeleteFast: {
                        if (is_unbound(slots[ins.a])) {
                            std::string n = f->code->varnames[ins.a];
                            raise_error(rt, rt.types().UnboundLocalError,
                                        "cannot access local variable '" + n +
                                            "' where it is not associated with a value");
                        }
                        slots[ins.a] = unbound();
                        break;
                    }
                    case Op::LoadDeref:
                    case Op::LoadClassDeref: {
                        if (ins.op == Op::LoadClassDeref && f->names) {
                            Value v;
                            if (f->names->get(name_at(*f->code, ins.b), v)) {
                                PUSH(std::move(v));
                                break;
                            }
                        }
                        std::size_t index = f->code->varnames.size() + ins.a;
                        const Value& cell = slots[index];
                        const Value& v = cell.as<CellObject>()->contents;
                        if (is_unbound(v)) {
                            const CodeObject& c = *f->code;
                            if (ins.a < c.cellvars.size())
                                raise_error(rt, rt.types().UnboundLocalError,
                                            "cannot access local variable '" + c.cellvars[ins.a] +
                                                "' where it is not associated with a value");
                            raise_error(rt, rt.types().NameError,
                                        "cannot access free variable '" +
                                            c.freevars[ins.a - c.cellvars.size()] +
                                            "' where it is not associated with a value in "
                                            "enclosing scope");
                        }
                        PUSH(v);
                        break;
                    }
                    case Op::StoreDeref: {
                        std::size_t index = f->code->varnames.size() + ins.a;
                        slots[index].as<CellObject>()->contents = POP();
                        break;
                    }
                    case Op::DeleteDeref: {
                        std::size_t index = f->code->varnames.size() + ins.a;
                        slots[index].as<CellObject>()->contents = unbound();
                        break;
                    }
                    case Op::LoadClosure:
                        PUSH(slots[f->code->varnames.size() + ins.a]);
                        break;
                    case Op::LoadName: {
                        std::string_view n = name_at(*f->code, ins.a);
                        Value v;
                        if (f->names && f->names->get(n, v)) {
                            PUSH(std::move(v));
                            break;
                        }
                        PUSH(load_global(rt, *f, n));
                        break;
                    }
                    case Op::StoreName: {
                        Attributes& target = f->names ? *f->names : *f->globals;
                        target.set(name_at(*f->code, ins.a), POP());
                        break;
                    }
                    case Op::DeleteName: {
                        Attributes& target = f->names ? *f->names : *f->globals;
                        if (!target.remove(name_at(*f->code, ins.a)))
                            name_error(rt, name_at(*f->code, ins.a));
                        break;
                    }
                    case Op::LoadGlobal: {
                        GlobalCache& cache = f->code->global_cache[ins.a];
                        Attributes& builtins = rt.builtins();
                        if (cache.globals == f->globals &&
                            cache.globals_version == f->globals->version() &&
                            cache.builtins_version == builtins.version()) [[likely]] {
                            PUSH(*cache.slot);
                            break;
                        }
                        std::string_view n = name_at(*f->code, ins.a);
                        const Value* v = f->globals->find_slot(n);
                        if (!v)
                            v = builtins.find_slot(n);
                        if (!v)
                            name_error(rt, n);
                        cache.globals = f->globals;
                        cache.globals_version = f->globals->version();
                        cache.builtins_version = builtins.version();
                        cache.slot = v;
                        PUSH(*v);
                        break;
                    }
                    case Op::StoreGlobal:
                        f->globals->set(name_at(*f->code, ins.a), POP());
                        break;
                    case Op::DeleteGlobal:
                        if (!f->globals->remove(name_at(*f->code, ins.a)))
                            name_error(rt, name_at(*f->code, ins.a));
                        break;
                    case Op::LoadAttr: {
                        Value v = get_attr(rt, TOP(), name_at(*f->code, ins.a));
                        TOP() = std::move(v);
                        break;
                    }
                    case Op::StoreAttr: {
                        Value obj = POP();
                        Value v = POP();
                        set_attr(rt, obj, name_at(*f->code, ins.a), v);
                        break;
                    }
                    case Op::DeleteAttr: {
                        Value obj = POP();
                        del_attr(rt, obj, name_at(*f->code, ins.a));
                        break;
                    }
                    case Op::LoadMethod: {
                        Value callable;
                        if (get_method(rt, TOP(), name_at(*f->code, ins.a), callable,
                                       f->code->method_cache[ins.a])) {
                            Value self = std::move(TOP());
                            TOP() = std::move(callable);
                            PUSH(std::move(self));
                        } else {
                            TOP() = std::move(callable);
                            PUSH(unbound());
                        }
                        break;
                    }
                    case Op::CallMethod:
                    case Op::Call:
                    case Op::CallKw: {
                        std::size_t argc = ins.a;
                        Value* args;
                        Value* callable_slot;
                        std::size_t nkw = 0;
                        if (ins.op == Op::CallMethod) {
                            callable_slot = sp - argc - 2;
                            if (is_unbound(sp[-static_cast<std::ptrdiff_t>(argc) - 1])) {
                                args = sp - argc;
                            } else {
                                args = sp - argc - 1;
                                ++argc;
                            }
                        } else {
                            callable_slot = sp - argc - 1;
                            args = sp - argc;
                            if (ins.op == Op::CallKw)
                                nkw = f->code->keyword_views[ins.b].size();
                        }
                        std::size_t npos = argc - nkw;
                        const Value& callable = *callable_slot;
                        FunctionObject* fn = as_function(callable);
                        if (fn && !fn->code->is_generator_like()) {
                            // A Python-to-Python call: a new frame in this same loop.
                            check_recursion(vm);
                            Frame* nf = acquire_frame(vm, *fn);
                            try {
                                CallArgs kw;
                                if (nkw)
                                    prepare_keywords(*f->code, ins.b, kw, args + npos, nkw);
                                bind_arguments(rt, *nf, *fn, args, npos, kw);
                            } catch (...) {
                                release_frame(vm, nf);
                                throw;
                            }
                            while (sp > callable_slot)
                                clear_slot(*--sp);
                            f->sp = sp;
                            nf->back = f;
                            ++vm.thread().depth;
                            f = nf;
                            LOAD_FRAME();
                            f->started = true;
                            pc = 0;
                            break;
                        }
                        CallArgs call_args;
                        call_args.positional = std::span<const Value>(args, npos);
                        if (nkw)
                            prepare_keywords(*f->code, ins.b, call_args, args + npos, nkw);
                        Value result;
                        if (fn) {
                            result = call_function(rt, *fn, call_args);
                        } else {
                            result = call(rt, callable, call_args);
                        }
                        while (sp > callable_slot)
                            clear_slot(*--sp);
                        PUSH(std::move(result));
                        break;
                    }
                    case Op::CallEx: {
                        Value kwargs;
                        if (ins.a)
                            kwargs = POP();
                        Value args_tuple = POP();
                        Value callable = POP();
                        if (!is_tuple(rt, args_tuple))
                            args_tuple = make_tuple(rt, to_vector(rt, args_tuple));
                        PUSH(call_ex(rt, callable, args_tuple, ins.a ? &kwargs : nullptr));
                        break;
                    }
                    case Op::BinaryOp: {
                        auto op = static_cast<NumberOp>(ins.a);
                        Value& a = sp[-2];
                        Value& b = sp[-1];
                        if (a.is_int() && b.is_int()) {
                            std::int64_t r;
                            std::int64_t x = a.as_int(), y = b.as_int();
                            bool done = false;
                            if (op == NumberOp::Add)
                                done = !__builtin_add_overflow(x, y, &r);
                            else if (op == NumberOp::Sub)
                                done = !__builtin_sub_overflow(x, y, &r);
                            else if (op == NumberOp::Mul)
                                done = !__builtin_mul_overflow(x, y, &r);
                            else if ((op == NumberOp::Mod || op == NumberOp::FloorDiv) && y > 0 &&
                                     x >= 0) {
                                // Python's and C++'s results agree for these signs.
                                r = op == NumberOp::Mod ? x % y : x / y;
                                done = true;
                            }
                            if (done) {
                                new (&a) Value(Value::integer(r));
                                new (&b) Value();
                                --sp;
                                break;
                            }
                        }
                        Value rhs = POP();
                        Value& lhs = TOP();
                        lhs = binary_op(rt, op, lhs, rhs);
                        break;
                    }
                    case Op::InplaceOp: {
                        auto op = static_cast<NumberOp>(ins.a);
                        Value& a = sp[-2];
                        Value& b = sp[-1];
                        if (a.is_int() && b.is_int()) {
                            std::int64_t r;
                            std::int64_t x = a.as_int(), y = b.as_int();
                            bool done = false;
                            if (op == NumberOp::Add)
                                done = !__builtin_add_overflow(x, y, &r);
                            else if (op == NumberOp::Sub)
                                done = !__builtin_sub_overflow(x, y, &r);
                            else if (op == NumberOp::Mul)
                                done = !__builtin_mul_overflow(x, y, &r);
                            if (done) {
                                new (&a) Value(Value::integer(r));
                                new (&b) Value();
                                --sp;
                                break;
                            }
                        }
                        Value rhs = POP();
                        Value& lhs = TOP();
                        lhs = inplace_op(rt, op, lhs, rhs);
                        break;
                    }
                    case Op::UnaryNegative:
                        TOP() = negative(rt, TOP());
                        break;
                    case Op::UnaryPositive:
                        TOP() = positive(rt, TOP());
                        break;
                    case Op::UnaryInvert:
                        TOP() = invert(rt, TOP());
                        break;
                    case Op::UnaryNot:
                        TOP() = Value::boolean(!truthy(rt, TOP()));
                        break;
                    case Op::CompareOp: {
                        auto op = static_cast<CompareOp>(ins.a);
                        if (sp[-2].is_int() && sp[-1].is_int()) {
                            Value& a = sp[-2];
                            Value& b = sp[-1];
                            std::int64_t x = a.as_int(), y = b.as_int();
                            bool r = false;
                            switch (op) {
                                case CompareOp::Lt:
                                    r = x < y;
                                    break;
                                case CompareOp::Le:
                                    r = x <= y;
                                    break;
                                case CompareOp::Eq:
                                    r = x == y;
                                    break;
                                case CompareOp::Ne:
                                    r = x != y;
                                    break;
                                case CompareOp::Gt:
                                    r = x > y;
                                    break;
                                case CompareOp::Ge:
                                    r = x >= y;
                                    break;
                            }
                            new (&a) Value(Value::boolean(r));
                            new (&b) Value();
                            --sp;
                            break;
                        }
                        Value rhs = POP();
                        Value& lhs = TOP();
                        lhs = compare(rt, lhs, rhs, op);
                        break;
                    }
                    case Op::IsOp: {
                        Value b = POP();
                        bool r = identical(TOP(), b);
                        TOP() = Value::boolean(ins.a ? !r : r);
                        break;
                    }
                    case Op::ContainsOp: {
                        Value container = POP();
                        bool r = contains(rt, container, TOP());
                        TOP() = Value::boolean(ins.a ? !r : r);
                        break;
                    }
                    case Op::BinarySubscr: {
                        Value key = POP();
                        TOP() = get_item(rt, TOP(), key);
                        break;
                    }
                    case Op::StoreSubscr: {
                        Value key = POP();
                        Value container = POP();
                        Value v = POP();
                        set_item(rt, container, key, v);
                        break;
                    }
                    case Op::DeleteSubscr: {
                        Value key = POP();
                        Value container = POP();
                        del_item(rt, container, key);
                        break;
                    }
                    case Op::BuildSlice: {
                        Value step = ins.a == 3 ? POP() : Value();
                        Value stop = POP();
                        Value start = POP();
                        PUSH(make_slice(rt, std::move(start), std::move(stop), std::move(step)));
                        break;
                    }
                    case Op::BuildTuple:
                    case Op::BuildList: {
                        std::vector<Value> items(ins.a);
                        for (std::size_t i = ins.a; i > 0; --i)
                            items[i - 1] = POP();
                        PUSH(ins.op == Op::BuildTuple ? make_tuple(rt, std::move(items))
                                                      : make_list(rt, std::move(items)));
                        break;
                    }
                    case Op::BuildSet: {
                        std::vector<Value> items(ins.a);
                        for (std::size_t i = ins.a; i > 0; --i)
                            items[i - 1] = POP();
                        Value s = make_set(rt);
                        for (const Value& v : items)
                            set_add(rt, s, v);
                        PUSH(std::move(s));
                        break;
                    }
                    case Op::BuildConstSet: {
                        std::vector<Value> items(ins.a);
                        for (std::size_t i = ins.a; i > 0; --i)
                            items[i - 1] = POP();
                        PUSH(make_set_from_constants(rt, items));
                        break;
                    }
                    case Op::BuildConstFrozenset: {
                        std::vector<Value> items(ins.a);
                        for (std::size_t i = ins.a; i > 0; --i)
                            items[i - 1] = POP();
                        // Folded, then rebuilt from its own order by the constant merging.
                        Value folded = make_frozenset(rt, items);
                        std::vector<Value> ordered;
                        set_of(folded).for_each([&](const Value& v) { ordered.push_back(v); });
                        PUSH(make_frozenset(rt, ordered));
                        break;
                    }
                    case Op::BuildMap: {
                        Value d = make_dict(rt);
                        auto* dict = d.as<DictObject>();
                        Value* base = sp - 2 * ins.a;
                        for (std::size_t i = 0; i < ins.a; ++i)
                            dict->set(rt, base[2 * i], base[2 * i + 1]);
                        while (sp > base)
                            *--sp = Value();
                        PUSH(std::move(d));
                        break;
                    }
                    case Op::BuildString: {
                        std::string out;
                        Value* base = sp - ins.a;
                        for (Value* p = base; p < sp; ++p)
                            out += str_view(*p);
                        while (sp > base)
                            *--sp = Value();
                        PUSH(make_str(rt, std::move(out)));
                        break;
                    }
                    case Op::ListAppend: {
                        Value v = POP();
                        list_items(PEEK(ins.a)).push_back(std::move(v));
                        break;
                    }
                    case Op::SetAdd: {
                        Value v = POP();
                        set_add(rt, PEEK(ins.a), v);
                        break;
                    }
                    case Op::MapAdd: {
                        Value v = POP();
                        Value k = POP();
                        PEEK(ins.a).as<DictObject>()->set(rt, k, std::move(v));
                        break;
                    }
                    case Op::ListExtend: {
                        Value it = POP();
                        auto& items = list_items(PEEK(ins.a));
                        if (!is_list(rt, it) && !is_tuple(rt, it)) {
                            TypeObject& t = type_of(rt, it);
                            if (!t.slots.iter && !t.lookup("__iter__") && !t.slots.getitem)
                                type_error(rt, "Value after * must be an iterable, not " +
                                                   std::string(type_name(rt, it)));
                        }
                        for (Value& v : to_vector(rt, it))
                            items.push_back(std::move(v));
                        break;
                    }
                    case Op::SetUpdate: {
                        Value it = POP();
                        Value& s = PEEK(ins.a);
                        for (const Value& v : to_vector(rt, it))
                            set_add(rt, s, v);
                        break;
                    }
                    case Op::DictUpdate: {
                        Value other = POP();
                        auto* d = PEEK(ins.a).as<DictObject>();
                        if (is_dict(rt, other)) {
                            for (const auto& e : other.as<DictObject>()->entries)
                                if (e.live())
                                    d->set(rt, e.key, e.value);
                        } else {
                            Value keys;
                            if (!lookup_attr(rt, other, "keys", keys))
                                type_error(rt, "'" + std::string(type_name(rt, other)) +
                                                   "' object is not a mapping");
                            for (const Value& k : to_vector(rt, call(rt, keys, {})))
                                d->set(rt, k, get_item(rt, other, k));
                        }
                        break;
                    }
                    case Op::DictMerge: {
                        Value other = POP();
                        // The callable is below the args tuple and the dict.
                        dict_merge(rt, PEEK(ins.a), other, PEEK(ins.a + 2));
                        break;
                    }
                    case Op::ListToTuple:
                        TOP() = make_tuple(rt, list_items(TOP()));
                        break;
                    case Op::FormatValue: {
                        Value spec;
                        if (ins.a & 4)
                            spec = POP();
                        TOP() = format_value(rt, TOP(), ins.a, (ins.a & 4) ? &spec : nullptr);
                        break;
                    }
                    case Op::UnpackSequence: {
                        Value seq = POP();
                        unpack(rt, seq, ins.a, 0, false, sp);
                        break;
                    }
                    case Op::UnpackEx: {
                        Value seq = POP();
                        unpack(rt, seq, ins.a & 0xff, ins.a >> 8, true, sp);
                        break;
                    }
                    case Op::Jump:
                        pc = ins.a;
                        break;
                    case Op::PopJumpIfFalse: {
                        Value& v = sp[-1];
                        bool t = v.is_bool() ? v.as_bool() : truthy(rt, v);
                        clear_slot(*--sp);
                        if (!t)
                            pc = ins.a;
                        break;
                    }
                    case Op::PopJumpIfTrue: {
                        Value& v = sp[-1];
                        bool t = v.is_bool() ? v.as_bool() : truthy(rt, v);
                        clear_slot(*--sp);
                        if (t)
                            pc = ins.a;
                        break;
                    }
                    case Op::JumpIfFalseOrPop:
                        if (!truthy(rt, TOP()))
                            pc = ins.a;
                        else
                            *--sp = Value();
                        break;
                    case Op::JumpIfTrueOrPop:
                        if (truthy(rt, TOP()))
                            pc = ins.a;
                        else
                            *--sp = Value();
                        break;
                    case Op::GetIter:
                        TOP() = get_iter(rt, TOP());
                        break;
                    case Op::ForIter: {
                        Value& it = TOP();
                        if (it.is_object() &&
                            it.as_object()->type == rt.types().range_iterator.get()) {
                            auto* r = it.as<RangeIteratorObject>();
                            if (r->remaining > 0) {
                                --r->remaining;
                                std::int64_t v = r->next;
                                r->next += r->step;
                                PUSH(Value::integer(v));
                                break;
                            }
                            *--sp = Value();
                            pc = ins.a;
                            break;
                        }
                        Value out;
                        if (iter_next(rt, it, out)) {
                            PUSH(std::move(out));
                        } else {
                            *--sp = Value();
                            pc = ins.a;
                        }
                        break;
                    }
                    case Op::MakeFunction: {
                        const auto& child = f->code->functions[ins.a];
                        auto fn = Ref<FunctionObject>::make(rt, child, f->function().module);
                        if (child->has(CodeObject::kHasClosure)) {
                            Value closure = POP();
                            fn->closure = tuple_items(closure);
                        }
                        if (child->has(CodeObject::kHasKwDefaults)) {
                            Value kwd = POP();
                            for (const auto& e : kwd.as<DictObject>()->entries)
                                if (e.live())
                                    fn->kw_defaults.emplace_back(std::string(str_view(e.key)),
                                                                 e.value);
                        }
                        if (child->has(CodeObject::kHasDefaults)) {
                            Value defaults = POP();
                            fn->defaults = tuple_items(defaults);
                        }
                        PUSH(Value(std::move(fn)));
                        break;
                    }
                    case Op::ReturnValue: {
                        if (f != entry) [[likely]] {
                            Value result(std::move(*--sp));
                            Frame* done = f;
                            f->sp = sp;
                            f = f->back;
                            --vm.thread().depth;
                            LOAD_FRAME();
                            pc = f->pc + 1;
                            // Destructors run by the release (a "never awaited" warning) see
                            // the caller as the running frame, as in CPython.
                            release_frame(vm, done);
                            new (sp++) Value(std::move(result));
                            break;
                        }
                        Value result = POP();
                        if (f == entry) {
                            f->sp = sp;
                            f->yielded = false;
                            --vm.thread().depth;
                            vm.thread().current = saved_current;
                            return result;
                        }
                        Frame* back = f->back;
                        f->sp = sp;
                        release_frame(vm, f);
                        --vm.thread().depth;
                        f = back;
                        LOAD_FRAME();
                        pc = f->pc + 1;
                        PUSH(std::move(result));
                        break;
                    }
                    case Op::YieldValue: {
                        Value v = POP();
                        f->sp = sp;
                        f->pc = pc - 1;
                        f->yielded = true;
                        f->delegating = ins.a == 1;
                        --vm.thread().depth;
                        vm.thread().current = saved_current;
                        return v;
                    }
                    case Op::GetAwaitable:
                        TOP() = get_awaitable(rt, TOP(), static_cast<int>(ins.a));
                        break;
                    case Op::GetYieldFromIter:
                        TOP() = get_yield_from_iter(rt, TOP(), *f->code);
                        break;
                    case Op::Send: {
                        Value v = POP();
                        Value& sub = TOP();
                        if (is_host_awaitable(sub)) {
                            Value result;
                            if (rt.await_at_once != nullptr && rt.await_at_once(rt, sub, result)) {
                                TOP() = std::move(result);
                                pc = ins.a;
                                break;
                            }
                            // Yield the awaitable itself: the host waits and resumes us with
                            // the result (see generator_send).
                            PUSH(sub);
                            break;
                        }
                        StepResult r = delegate_send(rt, sub, std::move(v));
                        if (r.yielded) {
                            PUSH(std::move(r.value));
                        } else {
                            TOP() = std::move(r.value);
                            pc = ins.a;
                        }
                        break;
                    }
                    case Op::GetAiter:
                        TOP() = get_aiter(rt, TOP());
                        break;
                    case Op::GetAnext: {
                        Value awaitable = get_anext(rt, TOP());
                        PUSH(std::move(awaitable));
                        break;
                    }
                    case Op::EndAsyncFor: {
                        Value exc = POP();
                        if (!is_instance(rt, exc, rt.types().StopAsyncIteration)) {
                            pending_reraise = true;
                            throw ScriptError{exc};
                        }
                        *--sp = Value();
                        break;
                    }
                    case Op::SetupFinally:
                        f->push_block(
                            Block{ins.a, static_cast<std::uint32_t>(sp - f->stack()) - ins.b});
                        break;
                    case Op::PopBlock:
                        f->pop_block();
                        break;
                    case Op::PushExcInfo: {
                        Value exc = POP();
                        PUSH(f->handled);
                        f->handled = exc;
                        PUSH(std::move(exc));
                        break;
                    }
                    case Op::PopExcept:
                        f->handled = POP();
                        break;
                    case Op::PopExceptAndReraise: {
                        Value exc = POP();
                        f->handled = POP();
                        pending_reraise = true;
                        throw ScriptError{exc};
                    }
                    case Op::Reraise: {
                        Value exc = POP();
                        pending_reraise = true;
                        throw ScriptError{exc};
                    }
                    case Op::CheckExcMatch: {
                        Value type = POP();
                        bool matches = exception_matches(rt, TOP(), type);
                        PUSH(Value::boolean(matches));
                        break;
                    }
                    case Op::CheckEgMatch: {
                        Value type = POP();
                        Value exc = POP();
                        ExceptionSplit split = split_exception_group(rt, exc, type);
                        Value match = split.match;
                        if (!match.is_none() &&
                            !is_instance(rt, match, rt.types().BaseExceptionGroup))
                            match = call(rt, rt.types().ExceptionGroup.value(),
                                         {make_str(rt, ""), make_tuple(rt, {match})});
                        PUSH(std::move(split.rest));
                        PUSH(std::move(match));
                        break;
                    }
                    case Op::PrepReraiseStar: {
                        Value raised = POP();
                        Value orig = POP();
                        auto& items = list_items(raised);
                        std::vector<Value> all;
                        Value rest = items.empty() ? Value() : items.back();
                        for (std::size_t i = 0; i + 1 < items.size(); ++i)
                            if (!items[i].is_none())
                                all.push_back(items[i]);
                        if (all.empty()) {
                            PUSH(std::move(rest));
                        } else {
                            if (!rest.is_none())
                                all.push_back(rest);
                            PUSH(make_exception_group(rt, "", std::move(all)));
                        }
                        (void)orig;
                        break;
                    }
                    case Op::RaiseVarargs: {
                        if (ins.a == 0) {
                            Value exc = handled_exception(f);
                            if (exc.is_none())
                                raise_error(rt, rt.types().RuntimeError,
                                            "No active exception to reraise");
                            pending_reraise = true;
                            throw ScriptError{exc};
                        }
                        Value cause;
                        bool has_cause = ins.a == 2;
                        if (has_cause)
                            cause = POP();
                        Value exc = exception_from_raise_operand(rt, POP());
                        if (has_cause) {
                            ExceptionObject* e = as_exception(rt, exc);
                            if (!cause.is_none()) {
                                if (as_type(rt, cause) || is_exception_instance(rt, cause))
                                    cause = exception_from_raise_operand(rt, cause);
                                else
                                    type_error(rt,
                                               "exception causes must derive from BaseException");
                            }
                            e->cause = cause;
                            e->suppress_context = true;
                        }
                        set_context(rt, exc, f);
                        throw ScriptError{exc};
                    }
                    case Op::LoadAssertionError:
                        PUSH(rt.types().AssertionError.value());
                        break;
                    case Op::BeforeWith:
                    case Op::BeforeAsyncWith: {
                        bool async = ins.op == Op::BeforeAsyncWith;
                        Value mgr = POP();
                        Value enter;
                        Value exit;
                        const char* enter_name = async ? "__aenter__" : "__enter__";
                        const char* exit_name = async ? "__aexit__" : "__exit__";
                        std::string protocol = async ? "asynchronous context manager protocol"
                                                     : "context manager protocol";
                        if (!lookup_bound_special(rt, mgr, enter_name, enter))
                            type_error(rt, "'" + std::string(type_name(rt, mgr)) +
                                               "' object does not support the " + protocol);
                        if (!lookup_bound_special(rt, mgr, exit_name, exit))
                            type_error(rt, "'" + std::string(type_name(rt, mgr)) +
                                               "' object does not support the " + protocol +
                                               " (missed " + exit_name + " method)");
                        PUSH(std::move(exit));
                        PUSH(call(rt, enter, {}));
                        break;
                    }
                    case Op::ExitWithNone: {
                        Value exit = POP();
                        PUSH(call(rt, exit, {Value(), Value(), Value()}));
                        break;
                    }
                    case Op::WithExceptStart: {
                        Value exc = TOP();
                        Value exit = PEEK(3);
                        Value tb;
                        if (ExceptionObject* e = as_exception(rt, exc))
                            tb = e->traceback;
                        Value type(static_cast<Object*>(&type_of(rt, exc)));
                        PUSH(call(rt, exit, {type, exc, tb}));
                        break;
                    }
                    case Op::BuildClass: {
                        Value bases = POP();
                        Value name = POP();
                        Value body = POP();
                        PUSH(build_class(vm, body, name, bases));
                        break;
                    }
                    case Op::ImportName: {
                        // `import a.b` binds the top package `a`; `from a.b import x` wants a.b.
                        bool bind_top = sp[-1].is_none();
                        clear_slot(*--sp);
                        std::string name(name_at(*f->code, ins.a));
                        Value module = import_module(rt, name, f->code->filename);
                        std::size_t dot = name.find('.');
                        if (bind_top && dot != std::string::npos)
                            module = import_module(rt, name.substr(0, dot), f->code->filename);
                        PUSH(std::move(module));
                        break;
                    }
                    case Op::ImportFrom: {
                        Value v =
                            import_from(rt, TOP(), name_at(*f->code, ins.a), f->code->filename);
                        PUSH(std::move(v));
                        break;
                    }
                    case Op::ImportStar: {
                        Value m = POP();
                        import_star(rt, m, *f);
                        break;
                    }
                    case Op::SetupAnnotations: {
                        Attributes& target = f->names ? *f->names : *f->globals;
                        Value existing;
                        if (!target.get("__annotations__", existing))
                            target.set("__annotations__", make_dict(rt));
                        break;
                    }
                    case Op::LoadLocals:
                    case Op::SuperCall:
                    case Op::Count:
                        raise_error(rt, rt.types().RuntimeError, "unsupported instruction");
                }
            }
        } catch (ScriptError& error) {
            // An exception at f->pc: unwind to the innermost handler, frame by frame.
            f->sp = sp;
            Value exc = std::move(error.exception);
            if (!pending_reraise) {
                // Raised by the instruction (a native call's error, an await's): chained to
                // the exception being handled, as CPython's _PyErr_SetObject does for every
                // raise, not only for the `raise` statement's (which set it already).
                set_context(rt, exc, f);
            }
            bool add_entry = !pending_reraise;
            bool skip_next_entry = false;
            pending_reraise = false;
            for (;;) {
                if (add_entry) {
                    // An inlined comprehension (PEP 709) has no frame of its own in CPython:
                    // its line shows under the enclosing function's name, once.
                    if (f->code->has(CodeObject::kHiddenFrame) && f->back && f != entry) {
                        add_traceback_entry(vm, exc, *f, &f->back->code->name);
                        skip_next_entry = true;
                    } else if (skip_next_entry) {
                        skip_next_entry = false;
                    } else {
                        add_traceback_entry(vm, exc, *f);
                    }
                }
                if (f->has_blocks()) {
                    Block b = f->pop_block();
                    Value* target = f->stack() + b.depth;
                    for (Value* p = f->sp; p > target;)
                        clear_slot(*--p);
                    sp = target;
                    f->sp = sp;
                    PUSH(std::move(exc));
                    LOAD_FRAME();
                    sp = target + 1;
                    pc = b.handler;
                    break;
                }
                if (f == entry) {
                    f->yielded = false;
                    --vm.thread().depth;
                    vm.thread().current = saved_current;
                    throw ScriptError{exc};
                }
                Frame* done = f;
                f = f->back;
                vm.thread().current = f;
                release_frame(vm, done);
                --vm.thread().depth;
                sp = f->sp;
                add_entry = true;
            }
        } catch (...) {
            f->sp = sp;
            abandon_frames();
            throw;
        }
    }
#undef LOAD_FRAME
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
}

Value current_handled_exception(Runtime& rt) {
    return handled_exception(vm_state(rt).thread().current);
}

// --- calls from C++ ---------------------------------------------------------------------------

Value call_function(Runtime& rt, FunctionObject& fn, const CallArgs& args) {
    VmState& vm = vm_state(rt);
    Frame* f = acquire_frame(vm, fn);
    try {
        bind_arguments(rt, *f, fn, args.positional.data(), args.positional.size(), args);
    } catch (...) {
        release_frame(vm, f);
        throw;
    }
    if (fn.code->is_generator_like())
        return make_generator(rt, f, fn);
    f->back = vm.thread().current;
    Value result;
    try {
        result = execute(vm, f);
    } catch (...) {
        release_frame(vm, f);
        throw;
    }
    release_frame(vm, f);
    return result;
}

void run_module(Runtime& rt, const std::shared_ptr<CodeObject>& code, ModuleObject& module) {
    VmState& vm = vm_state(rt);
    auto fn = Ref<FunctionObject>::make(rt, code, Ref<ModuleObject>(&module));
    Frame* f = acquire_frame(vm, *fn);
    f->back = vm.thread().current;
    try {
        execute(vm, f);
    } catch (...) {
        release_frame(vm, f);
        throw;
    }
    release_frame(vm, f);
}

}  // namespace loopscope::script::vm
