#include "script/modules/random_module.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "script/modules/random_algorithms.h"
#include "script/modules/random_engine.h"
#include "script/objects/errors.h"
#include "script/objects/list.h"
#include "script/objects/module.h"
#include "script/objects/native_function.h"
#include "script/objects/ops.h"
#include "script/objects/range.h"
#include "script/objects/runtime.h"
#include "script/objects/str.h"
#include "script/objects/tuple.h"

namespace loopscope::script {

namespace {

// A random.Random instance. As in Lib/random.py, the module's functions are the bound methods of
// one hidden instance, so `random.seed(1); random.random()` and `Random(1).random()` agree.
struct RandomObject : Object {
    explicit RandomObject(TypeObject* random_type) : Object(random_type) {}
    RandomEngine engine;
    std::optional<double> gauss_next;  // Lib/random.py's self.gauss_next
};

RandomObject& object_of(Runtime& rt, const CallArgs& args, std::string_view method) {
    RandomObject* self = nullptr;
    if (args.size() > 0 && args[0].is_object()) {
        self = dynamic_cast<RandomObject*>(args[0].as_object());
    }
    if (self == nullptr) {
        const std::string got =
            args.size() > 0 ? std::string(type_name(rt, args[0])) : std::string("nothing");
        raise_error(rt, rt.types().TypeError,
                    "descriptor '" + std::string(method) +
                        "' for 'Random' objects doesn't apply to a '" + got + "' object");
    }
    return *self;
}

RandomEngine& engine_of(Runtime& rt, const CallArgs& args, std::string_view method) {
    return object_of(rt, args, method).engine;
}

// The arguments after self.
CallArgs without_self(const CallArgs& args) {
    return CallArgs{args.positional.subspan(1), args.keyword_values, args.keyword_names};
}

// A result list longer than this is a MemoryError, where CPython would try to allocate it: a
// typo like k=10**12 must not take the app down.
constexpr std::int64_t kMaxResultLength = 100'000'000;

void check_result_length(Runtime& rt, std::int64_t k) {
    if (k > kMaxResultLength) {
        raise_error(rt, rt.types().MemoryError, "");
    }
}

bool given(const std::optional<Value>& argument) {
    return argument.has_value() && !argument->is_none();
}

// Runs an algorithm, raising its argument errors as CPython's exceptions.
template <class F>
auto with_python_errors(Runtime& rt, F&& algorithm) {
    try {
        return algorithm();
    } catch (const RandomValueError& e) {
        raise_error(rt, rt.types().ValueError, e.what());
    } catch (const RandomIndexError& e) {
        raise_error(rt, rt.types().IndexError, e.what());
    }
}

// Random.seed(a=None, version=2), Lib/random.py's logic over the C seeding.
void seed_engine(Runtime& rt, RandomEngine& engine, const Value& a, std::int64_t version) {
    if (a.is_none()) {
        engine.seed_from_entropy();
    } else if (a.is_int() || a.is_bool()) {
        engine.seed_int(a.as_int());
    } else if (is_str(rt, a)) {
        const std::string_view text = str_view(a);
        if (version == 1) {
            // The pre-3.2 string hash, kept by CPython for reproducing old sequences.
            std::uint64_t x = 0;
            std::size_t i = 0;
            std::uint64_t count = 0;
            if (!text.empty()) {
                std::size_t first = 0;
                x = static_cast<std::uint64_t>(decode_utf8(text, first)) << 7;
            }
            while (i < text.size()) {
                x = (1000003U * x) ^ decode_utf8(text, i);
                ++count;
            }
            x ^= count;
            engine.seed_unsigned(x);
        } else {
            engine.seed_string(text);
        }
    } else if (a.is_float()) {
        // CPython seeds other hashables with their hash, read as an unsigned size_t.
        engine.seed_unsigned(static_cast<std::uint64_t>(hash(rt, a)));
    } else {
        raise_error(rt, rt.types().TypeError,
                    "The only supported seed types are: None,\n"
                    "int, float, str, bytes, and bytearray.");
    }
}

Value method_seed(Runtime& rt, const CallArgs& args) {
    RandomObject& self = object_of(rt, args, "seed");
    const auto parsed =
        parse_arguments(rt, without_self(args), Signature{"Random.seed", {"a", "version"}, 0});
    const std::int64_t version = parsed[1] ? to_index(rt, *parsed[1]) : 2;
    seed_engine(rt, self.engine, parsed[0] ? *parsed[0] : Value(), version);
    self.gauss_next.reset();
    return Value();
}

Value method_random(Runtime& rt, const CallArgs& args) {
    RandomEngine& engine = engine_of(rt, args, "random");
    reject_keywords(rt, args, "Random.random");
    if (args.size() != 1) {
        raise_error(
            rt, rt.types().TypeError,
            "Random.random() takes no arguments (" + std::to_string(args.size() - 1) + " given)");
    }
    return Value::floating(engine.random());
}

Value method_getrandbits(Runtime& rt, const CallArgs& args) {
    RandomEngine& engine = engine_of(rt, args, "getrandbits");
    reject_keywords(rt, args, "Random.getrandbits");
    if (args.size() != 2) {
        raise_error(rt, rt.types().TypeError,
                    "Random.getrandbits() takes exactly one argument (" +
                        std::to_string(args.size() - 1) + " given)");
    }
    const std::int64_t k = to_index(rt, args[1]);
    if (k < 0) {
        raise_error(rt, rt.types().ValueError, "number of bits must be non-negative");
    }
    // Loopscope's ints are 64-bit (docs/SCRIPTS.md): wider results overflow.
    if (k > 64) {
        raise_error(rt, rt.types().OverflowError, "integer overflow");
    }
    const std::uint64_t bits = engine.getrandbits(static_cast<int>(k));
    if (bits > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        raise_error(rt, rt.types().OverflowError, "integer overflow");
    }
    return Value::integer(static_cast<std::int64_t>(bits));
}

Value method_randrange(Runtime& rt, const CallArgs& args) {
    RandomEngine& engine = engine_of(rt, args, "randrange");
    const auto parsed = parse_arguments(
        rt, without_self(args), Signature{"Random.randrange", {"start", "stop", "step"}, 1});
    const std::int64_t start = to_index(rt, *parsed[0]);
    if (!given(parsed[1])) {
        // Lib/random.py tests `step is not _ONE`: an explicit 1 is the same object.
        if (parsed[2] && !(parsed[2]->is_int() && parsed[2]->as_int() == 1)) {
            raise_error(rt, rt.types().TypeError, "Missing a non-None stop argument");
        }
        return Value::integer(with_python_errors(rt, [&] { return random_range(engine, start); }));
    }
    const std::int64_t stop = to_index(rt, *parsed[1]);
    const std::int64_t step = parsed[2] ? to_index(rt, *parsed[2]) : 1;
    return Value::integer(
        with_python_errors(rt, [&] { return random_range(engine, start, stop, step); }));
}

Value method_randint(Runtime& rt, const CallArgs& args) {
    RandomEngine& engine = engine_of(rt, args, "randint");
    const auto parsed =
        parse_arguments(rt, without_self(args), Signature{"Random.randint", {"a", "b"}, 2});
    const std::int64_t a = to_index(rt, *parsed[0]);
    const std::int64_t b = to_index(rt, *parsed[1]);
    if (b == std::numeric_limits<std::int64_t>::max()) {
        raise_error(rt, rt.types().OverflowError, "integer overflow");  // b + 1
    }
    return Value::integer(with_python_errors(rt, [&] { return random_range(engine, a, b + 1); }));
}

Value method_choice(Runtime& rt, const CallArgs& args) {
    RandomEngine& engine = engine_of(rt, args, "choice");
    const auto parsed =
        parse_arguments(rt, without_self(args), Signature{"Random.choice", {"seq"}, 1});
    const Value& seq = *parsed[0];
    const std::int64_t n = length(rt, seq);
    if (n == 0) {
        raise_error(rt, rt.types().IndexError, "Cannot choose from an empty sequence");
    }
    const std::uint64_t index = random_below(engine, static_cast<std::uint64_t>(n));
    return get_item(rt, seq, Value::integer(static_cast<std::int64_t>(index)));
}

Value method_shuffle(Runtime& rt, const CallArgs& args) {
    RandomEngine& engine = engine_of(rt, args, "shuffle");
    const auto parsed =
        parse_arguments(rt, without_self(args), Signature{"Random.shuffle", {"x"}, 1});
    const Value& x = *parsed[0];
    const auto n = static_cast<std::size_t>(length(rt, x));
    if (is_list(rt, x)) {
        std::vector<Value>& items = list_items(x);
        random_shuffle(engine, n, [&](std::size_t i, std::size_t j) {
            if (i < items.size() && j < items.size()) {
                items[i].swap(items[j]);
            }
        });
        return Value();
    }
    random_shuffle(engine, n, [&](std::size_t i, std::size_t j) {
        // x[i], x[j] = x[j], x[i]
        const Value at_i = Value::integer(static_cast<std::int64_t>(i));
        const Value at_j = Value::integer(static_cast<std::int64_t>(j));
        Value item_j = get_item(rt, x, at_j);
        Value item_i = get_item(rt, x, at_i);
        set_item(rt, x, at_i, item_j);
        set_item(rt, x, at_j, item_i);
    });
    return Value();
}

bool is_sequence(Runtime& rt, const Value& v) {
    return is_list(rt, v) || is_tuple(rt, v) || is_str(rt, v) ||
           is_instance(rt, v, rt.types().range);
}

Value method_sample(Runtime& rt, const CallArgs& args) {
    RandomEngine& engine = engine_of(rt, args, "sample");
    const auto parsed = parse_arguments(
        rt, without_self(args), Signature{"Random.sample", {"population", "k", "counts"}, 2, 0, 2});
    const Value& population = *parsed[0];
    if (!is_sequence(rt, population)) {
        raise_error(rt, rt.types().TypeError,
                    "Population must be a sequence.  For dicts or sets, use sorted(d).");
    }
    const auto n = static_cast<std::size_t>(length(rt, population));
    const std::int64_t k = to_index(rt, *parsed[1]);
    if (k >= 0 && static_cast<std::uint64_t>(k) <= n) {
        check_result_length(rt, k);
    }
    std::vector<Value> result;
    if (given(parsed[2])) {
        // Each element repeated counts[i] times: sample positions in the expanded population.
        std::vector<Value> cumulative;
        Value running;
        for_each_item(rt, *parsed[2], [&](const Value& count) {
            running = cumulative.empty() ? count : binary_op(rt, NumberOp::Add, running, count);
            cumulative.push_back(running);
            return true;
        });
        if (cumulative.size() != n) {
            raise_error(rt, rt.types().ValueError,
                        "The number of counts does not match the population");
        }
        const Value total = cumulative.empty() ? Value() : cumulative.back();
        if (!cumulative.empty()) {
            cumulative.pop_back();
        }
        if (!total.is_int() && !total.is_bool()) {
            if (total.is_none()) {
                raise_error(rt, rt.types().IndexError, "pop from empty list");
            }
            raise_error(rt, rt.types().TypeError, "Counts must be integers");
        }
        if (total.as_int() <= 0) {
            raise_error(rt, rt.types().ValueError, "Total of counts must be greater than zero");
        }
        if (k >= 0 && k <= total.as_int()) {
            check_result_length(rt, k);
        }
        const std::vector<std::size_t> selections = with_python_errors(
            rt, [&] { return random_sample(engine, static_cast<std::size_t>(total.as_int()), k); });
        for (std::size_t s : selections) {
            // bisect.bisect_right(cum_counts, s)
            std::size_t lo = 0;
            std::size_t hi = cumulative.size();
            const Value position = Value::integer(static_cast<std::int64_t>(s));
            while (lo < hi) {
                const std::size_t mid = (lo + hi) / 2;
                if (compare_bool(rt, position, cumulative[mid], CompareOp::Lt)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            result.push_back(
                get_item(rt, population, Value::integer(static_cast<std::int64_t>(lo))));
        }
        return make_list(rt, std::move(result));
    }
    const std::vector<std::size_t> indices =
        with_python_errors(rt, [&] { return random_sample(engine, n, k); });
    result.reserve(indices.size());
    for (std::size_t i : indices) {
        result.push_back(get_item(rt, population, Value::integer(static_cast<std::int64_t>(i))));
    }
    return make_list(rt, std::move(result));
}

// list(itertools.accumulate(weights)) as floats for bisecting.
std::vector<double> accumulate_weights(Runtime& rt, const Value& weights) {
    std::vector<double> cumulative;
    Value running;
    bool first = true;
    for_each_item(rt, weights, [&](const Value& weight) {
        running = first ? weight : binary_op(rt, NumberOp::Add, running, weight);
        first = false;
        cumulative.push_back(to_double(rt, running));
        return true;
    });
    return cumulative;
}

Value method_choices(Runtime& rt, const CallArgs& args) {
    RandomEngine& engine = engine_of(rt, args, "choices");
    const auto parsed = parse_arguments(
        rt, without_self(args),
        Signature{"Random.choices", {"population", "weights", "cum_weights", "k"}, 1, 0, 2});
    const Value& population = *parsed[0];
    const auto n = static_cast<std::size_t>(length(rt, population));
    const std::int64_t k = parsed[3] ? to_index(rt, *parsed[3]) : 1;
    check_result_length(rt, k);
    std::vector<std::size_t> indices;
    if (!given(parsed[2])) {
        if (!given(parsed[1])) {
            if (n == 0 && k > 0) {
                // CPython draws once, then population[0] raises (IndexError for a list).
                engine.random();
                get_item(rt, population, Value::integer(0));
            }
            indices = random_choices(engine, n, k);
        } else {
            const Value& weights = *parsed[1];
            if (weights.is_int() || weights.is_bool()) {
                raise_error(
                    rt, rt.types().TypeError,
                    "The number of choices must be a keyword argument: k=" + repr(rt, weights));
            }
            const std::vector<double> cumulative = accumulate_weights(rt, weights);
            indices = with_python_errors(
                rt, [&] { return random_choices_cumulative(engine, n, cumulative, k); });
        }
    } else {
        if (given(parsed[1])) {
            raise_error(rt, rt.types().TypeError,
                        "Cannot specify both weights and cumulative weights");
        }
        std::vector<double> cumulative;
        for_each_item(rt, *parsed[2], [&](const Value& w) {
            cumulative.push_back(to_double(rt, w));
            return true;
        });
        indices = with_python_errors(
            rt, [&] { return random_choices_cumulative(engine, n, cumulative, k); });
    }
    std::vector<Value> result;
    result.reserve(indices.size());
    for (std::size_t i : indices) {
        result.push_back(get_item(rt, population, Value::integer(static_cast<std::int64_t>(i))));
    }
    return make_list(rt, std::move(result));
}

Value method_uniform(Runtime& rt, const CallArgs& args) {
    RandomEngine& engine = engine_of(rt, args, "uniform");
    const auto parsed =
        parse_arguments(rt, without_self(args), Signature{"Random.uniform", {"a", "b"}, 2});
    // a + (b - a) * self.random(), with Python's arithmetic (int - int stays exact).
    const Value& a = *parsed[0];
    const Value& b = *parsed[1];
    const Value width = binary_op(rt, NumberOp::Sub, b, a);
    const Value offset = binary_op(rt, NumberOp::Mul, width, Value::floating(engine.random()));
    return binary_op(rt, NumberOp::Add, a, offset);
}

Value method_gauss(Runtime& rt, const CallArgs& args) {
    RandomObject& self = object_of(rt, args, "gauss");
    const auto parsed =
        parse_arguments(rt, without_self(args), Signature{"Random.gauss", {"mu", "sigma"}, 0});
    const double mu = parsed[0] ? to_double(rt, *parsed[0]) : 0.0;
    const double sigma = parsed[1] ? to_double(rt, *parsed[1]) : 1.0;
    return Value::floating(random_gauss(self.engine, self.gauss_next, mu, sigma));
}

Value method_expovariate(Runtime& rt, const CallArgs& args) {
    RandomEngine& engine = engine_of(rt, args, "expovariate");
    const auto parsed =
        parse_arguments(rt, without_self(args), Signature{"Random.expovariate", {"lambd"}, 0});
    const double lambd = parsed[0] ? to_double(rt, *parsed[0]) : 1.0;
    if (lambd == 0.0) {
        engine.random();  // Python draws before it divides
        raise_error(rt, rt.types().ZeroDivisionError, "float division by zero");
    }
    return Value::floating(random_expovariate(engine, lambd));
}

// Random(x=None): a new generator seeded with x.
Value construct_random(Runtime& rt, TypeObject& type, const CallArgs& args) {
    const auto parsed = parse_arguments(rt, args, Signature{"Random", {"x"}, 0});
    auto instance = Ref<RandomObject>::make(&type);
    seed_engine(rt, instance->engine, parsed[0] ? *parsed[0] : Value(), 2);
    return Value(instance);
}

Value make_random_module(Runtime& rt) {
    TypeBuilder builder(rt, "Random", "random");
    builder.method("seed", method_seed)
        .method("random", method_random)
        .method("getrandbits", method_getrandbits)
        .method("randrange", method_randrange)
        .method("randint", method_randint)
        .method("choice", method_choice)
        .method("shuffle", method_shuffle)
        .method("sample", method_sample)
        .method("choices", method_choices)
        .method("uniform", method_uniform)
        .method("gauss", method_gauss)
        .method("expovariate", method_expovariate);
    builder.slots().construct = construct_random;
    Ref<TypeObject> random_type = builder.build();

    Ref<ModuleObject> module = make_module(rt, "random");
    module->dict.set("Random", type_value(*random_type));
    // Lib/random.py's `_inst = Random()`, seeded from entropy as CPython is at import.
    auto hidden = Ref<RandomObject>::make(random_type.get());
    hidden->engine.seed_from_entropy();
    const Value instance(hidden);
    for (const char* name : {"seed", "random", "getrandbits", "randrange", "randint", "choice",
                             "shuffle", "sample", "choices", "uniform", "gauss", "expovariate"}) {
        module->dict.set(name, get_attr(rt, instance, name));
    }
    return Value(module);
}

}  // namespace

void register_random_module(Runtime& rt) {
    rt.register_native_module("random", make_random_module);
}

}  // namespace loopscope::script
