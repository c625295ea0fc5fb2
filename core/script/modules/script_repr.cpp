#include "script/modules/script_repr.h"

#include "script/objects/dict.h"
#include "script/objects/list.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/objects/str.h"
#include "script/objects/tuple.h"
#include "script/objects/type_object.h"
#include "script/vm/code.h"
#include "script/vm/function.h"

namespace loopscope::script {

namespace {

// reprlib's defaults.
constexpr std::size_t kMaxString = 30;
constexpr std::size_t kMaxLong = 40;
constexpr std::size_t kMaxOther = 30;
constexpr std::size_t kMaxList = 6;
constexpr int kMaxLevel = 6;

// Counts code points, so that cutting keeps whole UTF-8 characters.
std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return count;
}

std::string first_points(std::string_view text, std::size_t n) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (seen == n) {
                return std::string(text.substr(0, i));
            }
            ++seen;
        }
    }
    return std::string(text);
}

std::string last_points(std::string_view text, std::size_t n) {
    const std::size_t total = code_points(text);
    if (n >= total) {
        return std::string(text);
    }
    std::size_t skip = total - n;
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (seen == skip) {
                return std::string(text.substr(i));
            }
            ++seen;
        }
    }
    return {};
}

// reprlib's cut: keeps the head and tail around '...'.
std::string shorten(const std::string& text, std::size_t limit) {
    if (code_points(text) <= limit) {
        return text;
    }
    const std::size_t i = (limit - 3) / 2;
    const std::size_t j = limit - 3 - i;
    return first_points(text, i) + "..." + last_points(text, j);
}

std::string repr_level(Runtime& rt, const Value& value, int level);

std::string repr_items(Runtime& rt, const std::vector<Value>& items, int level, const char* left,
                       const char* right, bool trailing_comma) {
    if (items.empty()) {
        return std::string(left) + right;
    }
    if (level <= 0) {
        return std::string(left) + "..." + right;
    }
    std::string text = left;
    const std::size_t shown = std::min(items.size(), kMaxList);
    for (std::size_t i = 0; i < shown; ++i) {
        text += (i ? ", " : "") + repr_level(rt, items[i], level - 1);
    }
    if (items.size() > kMaxList) {
        text += ", ...";
    } else if (trailing_comma && items.size() == 1) {
        text += ",";
    }
    return text + right;
}

std::string repr_level(Runtime& rt, const Value& value, int level) {
    if (value.is_int() && !value.is_bool()) {
        return shorten(repr(rt, value), kMaxLong);
    }
    if (value.is_object()) {
        TypeObject& type = type_of(rt, value);
        if (&type == rt.types().str.get()) {
            return shorten(repr(rt, value), kMaxString);
        }
        if (&type == rt.types().list.get()) {
            return repr_items(rt, list_items(value), level, "[", "]", false);
        }
        if (&type == rt.types().tuple.get()) {
            return repr_items(rt, tuple_items(value), level, "(", ")", true);
        }
    }
    return shorten(repr(rt, value), kMaxOther);
}

}  // namespace

std::string limited_repr(Runtime& rt, const Value& value) {
    return repr_level(rt, value, kMaxLevel);
}

const vm::FunctionObject* python_function_of(Runtime& rt, const Value& callable) {
    if (callable.is_object() && &type_of(rt, callable) == rt.types().method.get()) {
        return vm::as_function(callable.as<BoundMethodObject>()->function);
    }
    return vm::as_function(callable);
}

std::string describe_callback(Runtime& rt, const Value& callback, std::span<const Value> args) {
    std::string text;
    Value name;
    if (lookup_attr(rt, callback, "__qualname__", name)) {
        text = to_str(rt, name);
    } else {
        text = repr(rt, callback);
    }
    text += "(";
    for (std::size_t i = 0; i < args.size(); ++i) {
        text += (i ? ", " : "") + repr(rt, args[i]);
    }
    text += ")";
    if (const vm::FunctionObject* function = python_function_of(rt, callback)) {
        text +=
            " at " + function->code->filename + ":" + std::to_string(function->code->first_line);
    }
    return text;
}

std::string python_str_repr(Runtime& rt, std::string_view text) {
    return repr(rt, make_str(rt, text));
}

}  // namespace loopscope::script
