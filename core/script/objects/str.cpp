#include "core/script/objects/str.h"

#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/format.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/slice.h"
#include "core/script/objects/tracked_object.h"
#include "core/script/objects/type_object.h"

namespace loopscope::script {

std::int64_t utf8_length(std::string_view utf8) {
    std::int64_t n = 0;
    for (char c : utf8) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++n;
        }
    }
    return n;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::uint32_t decode_utf8(std::string_view s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i++]);
    if (c < 0x80) {
        return c;
    }
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    std::uint32_t cp = c & (0x3F >> extra);
    while (extra-- > 0 && i < s.size()) {
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return cp;
}

namespace {

bool all_ascii(std::string_view s) {
    for (char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            return false;
        }
    }
    return true;
}

}  // namespace

StrObject::StrObject(TypeObject* str_type, std::string text_)
    : Object(str_type),
      text(std::move(text_)),
      ascii(all_ascii(text)),
      length_(ascii ? static_cast<std::int64_t>(text.size()) : utf8_length(text)) {}

std::int64_t StrObject::hash() const {
    if (!hashed_) {
        std::uint64_t h = 1469598103934665603ULL;
        for (char c : text) {
            h ^= static_cast<unsigned char>(c);
            h *= 1099511628211ULL;
        }
        auto v = static_cast<std::int64_t>(h >> 1);
        hash_ = v == -1 ? -2 : v;
        hashed_ = true;
    }
    return hash_;
}

std::size_t StrObject::byte_offset(std::int64_t index) const {
    if (ascii) {
        return static_cast<std::size_t>(index);
    }
    std::size_t i = 0;
    for (std::int64_t n = 0; n < index && i < text.size(); ++n) {
        decode_utf8(text, i);
    }
    return i;
}

Value make_str(Runtime& rt, std::string utf8) {
    if (utf8.empty()) {
        return rt.empty_str();
    }
    if (utf8.size() == 1 && static_cast<unsigned char>(utf8[0]) < 0x80) {
        return rt.ascii_char(static_cast<unsigned char>(utf8[0]));
    }
    return Value(Ref<StrObject>::make(rt.types().str.get(), std::move(utf8)));
}

Value make_str(Runtime& rt, std::string_view utf8) {
    if (utf8.size() == 1 && static_cast<unsigned char>(utf8[0]) < 0x80) {
        return rt.ascii_char(static_cast<unsigned char>(utf8[0]));
    }
    return make_str(rt, std::string(utf8));
}

Value make_str(Runtime& rt, const char* utf8) {
    return make_str(rt, std::string(utf8));
}

bool is_str(Runtime& rt, const Value& v) {
    return v.is_object() && (v.as_object()->type == rt.types().str.get() ||
                             v.as_object()->type->is_subtype_of(rt.types().str));
}

std::string_view expect_str(Runtime& rt, const Value& v, std::string_view context) {
    if (!is_str(rt, v)) {
        raise_error(rt, rt.types().TypeError,
                    std::string(context) + " must be str, not " + std::string(type_name(rt, v)));
    }
    return str_view(v);
}

namespace {

bool printable(std::uint32_t cp) {
    if (cp < 0x20 || cp == 0x7F) {
        return false;
    }
    if (cp < 0x7F) {
        return true;
    }
    if (cp <= 0xA0 || cp == 0xAD) {
        return false;
    }
    if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
        (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF ||
        (cp >= 0xD800 && cp <= 0xF8FF) || (cp >= 0xFFF0 && cp <= 0xFFFF) || cp == 0x1680 ||
        cp == 0x180E || cp >= 0xE0000) {
        return false;
    }
    return true;
}

void append_hex(std::string& out, char kind, std::uint32_t cp, int digits) {
    static const char* hex = "0123456789abcdef";
    out += '\\';
    out += kind;
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
        out += hex[(cp >> shift) & 0xF];
    }
}

}  // namespace

std::string str_repr(std::string_view s) {
    const bool has_single = s.find('\'') != std::string_view::npos;
    const bool has_double = s.find('"') != std::string_view::npos;
    const char quote = has_single && !has_double ? '"' : '\'';
    std::string out;
    out.reserve(s.size() + 2);
    out += quote;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const std::uint32_t cp = decode_utf8(s, i);
        if (cp == static_cast<std::uint32_t>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (printable(cp)) {
            out.append(s.substr(start, i - start));
        } else if (cp < 0x100) {
            append_hex(out, 'x', cp, 2);
        } else if (cp < 0x10000) {
            append_hex(out, 'u', cp, 4);
        } else {
            append_hex(out, 'U', cp, 8);
        }
    }
    out += quote;
    return out;
}

namespace {

// Iterates code points of a str.
struct StrIteratorObject : TrackedObject {
    StrIteratorObject(Runtime& rt, Value str_)
        : TrackedObject(rt, rt.types().str_iterator.get()), str(std::move(str_)) {}
    Value str;
    std::size_t offset = 0;
    void clear_references() override { str = Value(); }
};

Value str_getitem(Runtime& rt, const Value& self, const Value& key) {
    auto* s = self.as<StrObject>();
    if (key.is_int() || key.is_bool()) {
        const std::int64_t i = resolve_index(rt, key, s->code_points(), "string");
        if (s->ascii) {
            return make_str(rt, std::string(1, s->text[static_cast<std::size_t>(i)]));
        }
        std::size_t at = s->byte_offset(i);
        const std::size_t begin = at;
        decode_utf8(s->text, at);
        return make_str(rt, s->text.substr(begin, at - begin));
    }
    if (is_slice(rt, key)) {
        const SliceBounds b = resolve_slice(rt, *key.as<SliceObject>(), s->code_points());
        if (b.step == 1) {
            const std::size_t from = s->byte_offset(b.start);
            const std::size_t to = s->byte_offset(b.start + b.length);
            return make_str(rt, s->text.substr(from, to - from));
        }
        std::string out;
        if (s->ascii) {
            for (std::int64_t k = 0, i = b.start; k < b.length; ++k, i += b.step) {
                out += s->text[static_cast<std::size_t>(i)];
            }
        } else {
            std::vector<std::uint32_t> cps;
            for (std::size_t i = 0; i < s->text.size();) {
                cps.push_back(decode_utf8(s->text, i));
            }
            for (std::int64_t k = 0, i = b.start; k < b.length; ++k, i += b.step) {
                append_utf8(out, cps[static_cast<std::size_t>(i)]);
            }
        }
        return make_str(rt, std::move(out));
    }
    if (TypeObject& t = type_of(rt, key); t.lookup("__index__")) {
        return str_getitem(rt, self, Value::integer(to_index(rt, key)));
    }
    raise_error(rt, rt.types().TypeError,
                "string indices must be integers, not '" + std::string(type_name(rt, key)) + "'");
}

Value str_compare(Runtime& rt, const Value& self, const Value& other, CompareOp op) {
    if (!is_str(rt, other)) {
        return rt.not_implemented();
    }
    const int c = str_view(self).compare(str_view(other));
    switch (op) {
        case CompareOp::Lt:
            return Value::boolean(c < 0);
        case CompareOp::Le:
            return Value::boolean(c <= 0);
        case CompareOp::Eq:
            return Value::boolean(c == 0);
        case CompareOp::Ne:
            return Value::boolean(c != 0);
        case CompareOp::Gt:
            return Value::boolean(c > 0);
        case CompareOp::Ge:
            return Value::boolean(c >= 0);
    }
    return rt.not_implemented();
}

std::string repeat(std::string_view s, std::int64_t n) {
    std::string out;
    if (n <= 0) {
        return out;
    }
    out.reserve(s.size() * static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
        out.append(s);
    }
    return out;
}

}  // namespace

void install_str(Runtime& rt) {
    TypeSlots& s = rt.types().str->slots;
    s.repr = [](Runtime&, const Value& self) { return str_repr(str_view(self)); };
    s.str = [](Runtime&, const Value& self) { return std::string(str_view(self)); };
    s.hash = [](Runtime&, const Value& self) { return self.as<StrObject>()->hash(); };
    s.compare = str_compare;
    s.truthy = [](Runtime&, const Value& self) { return !str_view(self).empty(); };
    s.len = [](Runtime&, const Value& self) { return self.as<StrObject>()->code_points(); };
    s.number[static_cast<int>(NumberOp::Add)] = [](Runtime& r, const Value& a, const Value& b) {
        if (!is_str(r, a) || !is_str(r, b)) {
            return r.not_implemented();
        }
        std::string out;
        out.reserve(str_view(a).size() + str_view(b).size());
        out.append(str_view(a));
        out.append(str_view(b));
        return make_str(r, std::move(out));
    };
    s.number[static_cast<int>(NumberOp::Mul)] = [](Runtime& r, const Value& a, const Value& b) {
        const bool a_str = is_str(r, a);
        const Value& count = a_str ? b : a;
        if (!(count.is_int() || count.is_bool())) {
            return r.not_implemented();
        }
        const std::string_view text = str_view(a_str ? a : b);
        std::int64_t total = 0;
        if (count.as_int() > 0 && __builtin_mul_overflow(static_cast<std::int64_t>(text.size()),
                                                         count.as_int(), &total)) {
            raise_error(r, r.types().OverflowError, "repeated string is too long");
        }
        if (total > (std::int64_t{1} << 31)) {
            raise_error(r, r.types().MemoryError, "");
        }
        return make_str(r, repeat(text, count.as_int()));
    };
    s.number[static_cast<int>(NumberOp::Mod)] = [](Runtime& r, const Value& a, const Value& b) {
        if (!is_str(r, a)) {
            return r.not_implemented();
        }
        return make_str(r, percent_format(r, str_view(a), b));
    };
    s.contains = [](Runtime& r, const Value& self, const Value& item) {
        if (!is_str(r, item)) {
            raise_error(r, r.types().TypeError,
                        "'in <string>' requires string as left operand, not " +
                            std::string(type_name(r, item)));
        }
        return str_view(self).find(str_view(item)) != std::string_view::npos;
    };
    s.getitem = str_getitem;
    s.iter = [](Runtime& r, const Value& self) {
        return Value(Ref<StrIteratorObject>::make(r, self));
    };
    s.construct = [](Runtime& r, TypeObject&, const CallArgs& args) {
        if (args.has_keywords()) {
            const Value* object = find_keyword(args, "object");
            if (object && args.size() == 0 && args.keyword_names.size() == 1) {
                return make_str(r, to_str(r, *object));
            }
            raise_error(r, r.types().TypeError,
                        "str() got an unexpected keyword argument '" +
                            std::string(args.keyword_names[0]) + "'");
        }
        if (args.size() == 0) {
            return r.empty_str();
        }
        if (args.size() > 3) {
            raise_error(
                r, r.types().TypeError,
                "str() takes at most 3 arguments (" + std::to_string(args.size()) + " given)");
        }
        if (args[0].is_object() && args[0].as_object()->type == r.types().str.get()) {
            return args[0];
        }
        return make_str(r, to_str(r, args[0]));
    };

    TypeSlots& it = rt.types().str_iterator->slots;
    it.iter = [](Runtime&, const Value& self) { return self; };
    it.next = [](Runtime& r, const Value& self, Value& out) {
        auto* iterator = self.as<StrIteratorObject>();
        if (iterator->str.is_none()) {
            return false;
        }
        const std::string_view text = str_view(iterator->str);
        if (iterator->offset >= text.size()) {
            iterator->str = Value();
            return false;
        }
        const std::size_t begin = iterator->offset;
        decode_utf8(text, iterator->offset);
        out = make_str(r, text.substr(begin, iterator->offset - begin));
        return true;
    };
    rt.builtins().set("str", rt.types().str.value());
}

}  // namespace loopscope::script
