#include "script/vm/suggestions.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <set>

#include "script/objects/errors.h"
#include "script/objects/module.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/objects/str.h"
#include "script/objects/tracked_object.h"
#include "script/objects/type_object.h"

namespace loopscope::script::vm {

namespace {

constexpr std::size_t kMaxCandidates = 750;
constexpr std::size_t kMaxStringSize = 40;
constexpr std::size_t kMoveCost = 2;
constexpr std::size_t kCaseCost = 1;

std::size_t substitution_cost(char a, char b) {
    if (a == b) {
        return 0;
    }
    const auto lower = [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    };
    return lower(a) == lower(b) ? kCaseCost : kMoveCost;
}

// Python/suggestions.c's levenshtein_distance, giving up above max_cost.
std::size_t distance(std::string_view a, std::string_view b, std::size_t max_cost) {
    if (a == b) {
        return 0;
    }
    while (!a.empty() && !b.empty() && a.front() == b.front()) {
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.empty() || b.empty()) {
        return kMoveCost * (a.size() + b.size());
    }
    if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) {
        return max_cost + 1;
    }
    if (b.size() < a.size()) {
        std::swap(a, b);
    }
    if ((b.size() - a.size()) * kMoveCost > max_cost) {
        return max_cost + 1;
    }
    std::array<std::size_t, kMaxStringSize> row{};
    for (std::size_t i = 0; i < a.size(); ++i) {
        row[i] = (i + 1) * kMoveCost;
    }
    std::size_t result = 0;
    for (std::size_t b_index = 0; b_index < b.size(); ++b_index) {
        std::size_t previous = b_index * kMoveCost;
        result = previous;
        std::size_t minimum = std::numeric_limits<std::size_t>::max();
        for (std::size_t index = 0; index < a.size(); ++index) {
            const std::size_t substitute = previous + substitution_cost(b[b_index], a[index]);
            previous = row[index];
            const std::size_t insert_delete = std::min(result, previous) + kMoveCost;
            result = std::min(insert_delete, substitute);
            row[index] = result;
            minimum = std::min(minimum, result);
        }
        if (minimum > max_cost) {
            return max_cost + 1;
        }
    }
    return result;
}

// sys.stdlib_module_names, as far as a learner is likely to forget an import.
bool is_stdlib_module(std::string_view name) {
    static constexpr std::array<std::string_view, 24> kNames = {
        "asyncio",    "collections", "contextlib", "dataclasses", "datetime",  "enum",
        "functools",  "heapq",       "itertools",  "json",        "logging",   "math",
        "os",         "pathlib",     "queue",      "random",      "re",        "socket",
        "statistics", "string",      "subprocess", "sys",         "threading", "time"};
    return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

void add_names(const Attributes& attributes, std::vector<std::string>& out) {
    attributes.for_each([&](const std::string& name, const Value&) { out.push_back(name); });
}

// dir(obj): sorted names of the object and its type's MRO.
std::vector<std::string> dir_names(Runtime& rt, const Value& obj) {
    std::set<std::string> names;
    const auto add = [&](const Attributes& attributes) {
        attributes.for_each([&](const std::string& name, const Value&) { names.insert(name); });
    };
    if (is_module(rt, obj)) {
        add(obj.as<ModuleObject>()->dict);
    } else if (TypeObject* type = as_type(rt, obj)) {
        for (TypeObject* base : type->mro) {
            add(base->dict);
        }
    } else {
        if (obj.is_object()) {
            if (auto* tracked = dynamic_cast<TrackedObject*>(obj.as_object())) {
                if (const Attributes* own = tracked->attributes()) {
                    add(*own);
                }
            }
        }
        for (TypeObject* base : type_of(rt, obj).mro) {
            add(base->dict);
        }
    }
    return {names.begin(), names.end()};
}

std::optional<std::string> string_attribute(Runtime& rt, const Value& exception,
                                            std::string_view name) {
    Value value;
    if (!lookup_attr(rt, exception, name, value) || !is_str(rt, value)) {
        return std::nullopt;
    }
    return to_str(rt, value);
}

}  // namespace

std::optional<std::string> closest_name(std::string_view wrong,
                                        const std::vector<std::string>& candidates) {
    if (candidates.size() > kMaxCandidates || wrong.size() > kMaxStringSize) {
        return std::nullopt;
    }
    std::size_t best = wrong.size();
    std::optional<std::string> suggestion;
    for (const std::string& candidate : candidates) {
        if (candidate == wrong) {
            continue;
        }
        std::size_t max_distance = (candidate.size() + wrong.size() + 3) * kMoveCost / 6;
        max_distance = std::min(max_distance, best - 1);
        const std::size_t current = distance(wrong, candidate, max_distance);
        if (current > max_distance) {
            continue;
        }
        if (!suggestion || current < best) {
            suggestion = candidate;
            best = current;
        }
    }
    return suggestion;
}

namespace {

// `from module import wrong`: the names of the module, as CPython's __import__(name) finds it.
std::string import_suggestion(Runtime& rt, const Value& exception) {
    const std::optional<std::string> wrong = string_attribute(rt, exception, "name_from");
    const std::optional<std::string> module_name = string_attribute(rt, exception, "name");
    if (!wrong || !module_name) {
        return {};
    }
    const auto found = rt.modules().find(*module_name);
    if (found == rt.modules().end()) {
        return {};
    }
    const std::optional<std::string> suggestion =
        closest_name(*wrong, dir_names(rt, found->second));
    return suggestion ? ". Did you mean: '" + *suggestion + "'?" : std::string();
}

}  // namespace

std::string suggestion_for(Runtime& rt, const Value& exception, const std::string& filename) {
    if (is_instance(rt, exception, rt.types().ImportError)) {
        return import_suggestion(rt, exception);
    }
    const bool name_error = is_instance(rt, exception, rt.types().NameError);
    if (!name_error && !is_instance(rt, exception, rt.types().AttributeError)) {
        return {};
    }
    const std::optional<std::string> wrong = string_attribute(rt, exception, "name");
    if (!wrong) {
        return {};
    }
    std::vector<std::string> candidates;
    if (name_error) {
        for (const auto& [module_name, module] : rt.modules()) {
            if (is_module(rt, module) && module.as<ModuleObject>()->file == filename) {
                add_names(module.as<ModuleObject>()->dict, candidates);
                break;
            }
        }
        add_names(rt.builtins(), candidates);
    } else {
        Value obj;
        if (!lookup_attr(rt, exception, "obj", obj)) {
            return {};
        }
        candidates = dir_names(rt, obj);
    }
    std::string text;
    const std::optional<std::string> suggestion = closest_name(*wrong, candidates);
    if (suggestion) {
        text = ". Did you mean: '" + *suggestion + "'?";
    }
    if (name_error && is_stdlib_module(*wrong)) {
        // CPython 3.12.1's default hook (the C one) ends this with a question mark too.
        text += (suggestion ? " Or did you forget to import '" : ". Did you forget to import '") +
                *wrong + "'?";
    }
    return text;
}

}  // namespace loopscope::script::vm
