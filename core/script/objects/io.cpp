#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/str.h"
#include "core/script/objects/type_object.h"

// sys.stdout / sys.stderr: file-like objects writing through the Runtime's sinks.

namespace loopscope::script {

namespace {

struct StreamObject : Object {
    StreamObject(TypeObject* stream_type, bool is_stderr_)
        : Object(stream_type), is_stderr(is_stderr_) {}
    bool is_stderr;
};

void write_to(Runtime& rt, const StreamObject& stream, std::string_view text) {
    if (stream.is_stderr) {
        rt.write_stderr(text);
    } else {
        rt.write_stdout(text);
    }
}

}  // namespace

void install_io(Runtime& rt) {
    TypeObject& type = rt.types().TextIOWrapper;
    type.slots.repr = [](Runtime&, const Value& self) {
        return std::string("<_io.TextIOWrapper name='") +
               (self.as<StreamObject>()->is_stderr ? "<stderr>" : "<stdout>") +
               "' mode='w' encoding='utf-8'>";
    };
    define_method(rt, type, "write", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "write", 2);
        if (!is_str(r, args[1])) {
            raise_error(r, r.types().TypeError,
                        "write() argument must be str, not " + std::string(type_name(r, args[1])));
        }
        write_to(r, *args[0].as<StreamObject>(), str_view(args[1]));
        return Value::integer(args[1].as<StrObject>()->code_points());
    });
    define_method(rt, type, "flush", [](Runtime&, const CallArgs&) { return Value(); });
    define_method(rt, type, "isatty",
                  [](Runtime&, const CallArgs&) { return Value::boolean(false); });
    define_method(rt, type, "writable",
                  [](Runtime&, const CallArgs&) { return Value::boolean(true); });
    define_property(rt, type, "name", [](Runtime& r, const Value& self) {
        return make_str(r, self.as<StreamObject>()->is_stderr ? "<stderr>" : "<stdout>");
    });
    define_property(rt, type, "encoding",
                    [](Runtime& r, const Value&) { return make_str(r, "utf-8"); });
    rt.set_std_streams(Value(Ref<StreamObject>::make(&type, false)),
                       Value(Ref<StreamObject>::make(&type, true)));
}

// print(*objects, sep=' ', end='\n', file=None, flush=False)
Value builtin_print(Runtime& rt, const CallArgs& args) {
    Value sep, end, file;
    for (std::size_t i = 0; i < args.keyword_names.size(); ++i) {
        const std::string_view name = args.keyword_names[i];
        const Value& v = args.keyword_values[i];
        if (name == "sep") {
            sep = v;
        } else if (name == "end") {
            end = v;
        } else if (name == "file") {
            file = v;
        } else if (name != "flush") {
            std::string message(1, '\'');
            message.append(name);
            message.append("' is an invalid keyword argument for print()");
            raise_error(rt, rt.types().TypeError, std::move(message));
        }
    }
    if (!sep.is_none() && !is_str(rt, sep)) {
        raise_error(rt, rt.types().TypeError,
                    "sep must be None or a string, not " + std::string(type_name(rt, sep)));
    }
    if (!end.is_none() && !is_str(rt, end)) {
        raise_error(rt, rt.types().TypeError,
                    "end must be None or a string, not " + std::string(type_name(rt, end)));
    }
    std::string text;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (i > 0) {
            text += sep.is_none() ? std::string_view(" ") : str_view(sep);
        }
        text += to_str(rt, args[i]);
    }
    text += end.is_none() ? std::string_view("\n") : str_view(end);
    if (file.is_none() || identical(file, rt.stdout_object())) {
        rt.write_stdout(text);
    } else if (identical(file, rt.stderr_object())) {
        rt.write_stderr(text);
    } else {
        call_method(rt, file, "write", {make_str(rt, std::move(text))});
    }
    return Value();
}

}  // namespace loopscope::script
