#include <algorithm>

#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/format.h"
#include "core/script/objects/list.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"
#include "core/script/objects/type_object.h"

// The methods of str. Text is UTF-8; positions in results (find, index) are code points.

namespace loopscope::script {

namespace {

std::string_view self_text(const CallArgs& args) {
    return str_view(args[0]);
}

// Argument i as a str, or TypeError "must be str, not int" as CPython's methods say.
std::string_view str_arg(Runtime& rt, const CallArgs& args, std::size_t i) {
    if (!is_str(rt, args[i])) {
        raise_error(rt, rt.types().TypeError,
                    "must be str, not " + std::string(type_name(rt, args[i])));
    }
    return str_view(args[i]);
}

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
           c == '\x1c' || c == '\x1d' || c == '\x1e' || c == '\x1f';
}

// Code point index of a byte offset.
std::int64_t cp_index(std::string_view s, std::size_t byte) {
    return utf8_length(s.substr(0, byte));
}

// [start, end) as byte offsets from optional code point arguments (CPython's slice rules).
void byte_range(Runtime& rt, const CallArgs& args, std::size_t first, std::string_view s,
                std::size_t& begin, std::size_t& end) {
    const std::int64_t n = utf8_length(s);
    auto resolve = [&](std::size_t i, std::int64_t fallback) {
        if (args.size() <= i || args[i].is_none()) {
            return fallback;
        }
        std::int64_t v = to_index(rt, args[i]);
        if (v < 0) {
            v = std::max<std::int64_t>(0, v + n);
        }
        return std::min(v, n);
    };
    const std::int64_t b = resolve(first, 0);
    const std::int64_t e = resolve(first + 1, n);
    auto to_byte = [&](std::int64_t cp) {
        std::size_t i = 0;
        for (std::int64_t k = 0; k < cp && i < s.size(); ++k) {
            decode_utf8(s, i);
        }
        return i;
    };
    begin = to_byte(b);
    end = std::max(begin, to_byte(e));
    if (b > e) {
        end = begin;
        begin = SIZE_MAX;  // marks an empty, impossible range
    }
}

std::string strip_chars(std::string_view s, const CallArgs& args, Runtime& rt, bool left,
                        bool right) {
    std::size_t b = 0, e = s.size();
    if (args.size() < 2 || args[1].is_none()) {
        while (left && b < e && is_ascii_space(s[b])) {
            ++b;
        }
        while (right && e > b && is_ascii_space(s[e - 1])) {
            --e;
        }
        return std::string(s.substr(b, e - b));
    }
    const std::string_view chars = str_arg(rt, args, 1);
    std::vector<std::uint32_t> set;
    for (std::size_t i = 0; i < chars.size();) {
        set.push_back(decode_utf8(chars, i));
    }
    auto in_set = [&](std::uint32_t cp) {
        return std::find(set.begin(), set.end(), cp) != set.end();
    };
    if (left) {
        while (b < e) {
            std::size_t next = b;
            if (!in_set(decode_utf8(s, next))) {
                break;
            }
            b = next;
        }
    }
    if (right) {
        while (e > b) {
            std::size_t start = e - 1;
            while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
                --start;
            }
            std::size_t probe = start;
            if (!in_set(decode_utf8(s, probe))) {
                break;
            }
            e = start;
        }
    }
    return std::string(s.substr(b, e - b));
}

Value split_whitespace(Runtime& rt, std::string_view s, std::int64_t maxsplit) {
    std::vector<Value> parts;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_ascii_space(s[i])) {
            ++i;
        }
        if (i >= s.size()) {
            break;
        }
        if (maxsplit >= 0 && static_cast<std::int64_t>(parts.size()) >= maxsplit) {
            // The rest keeps its trailing whitespace, as in CPython.
            parts.push_back(make_str(rt, s.substr(i)));
            break;
        }
        std::size_t j = i;
        while (j < s.size() && !is_ascii_space(s[j])) {
            ++j;
        }
        parts.push_back(make_str(rt, s.substr(i, j - i)));
        i = j;
    }
    return make_list(rt, std::move(parts));
}

Value rsplit_whitespace(Runtime& rt, std::string_view s, std::int64_t maxsplit) {
    std::vector<Value> parts;
    std::size_t e = s.size();
    while (e > 0) {
        while (e > 0 && is_ascii_space(s[e - 1])) {
            --e;
        }
        if (e == 0) {
            break;
        }
        if (maxsplit >= 0 && static_cast<std::int64_t>(parts.size()) >= maxsplit) {
            parts.push_back(make_str(rt, s.substr(0, e)));
            break;
        }
        std::size_t b = e;
        while (b > 0 && !is_ascii_space(s[b - 1])) {
            --b;
        }
        parts.push_back(make_str(rt, s.substr(b, e - b)));
        e = b;
    }
    std::reverse(parts.begin(), parts.end());
    return make_list(rt, std::move(parts));
}

void split_arguments(Runtime& rt, const CallArgs& args, const char* name, Value& sep,
                     std::int64_t& maxsplit) {
    CallArgs rest = args;
    rest.positional = args.positional.subspan(1);
    auto values = parse_arguments(rt, rest, Signature{name, {"sep", "maxsplit"}});
    sep = values[0].value_or(Value());
    maxsplit = values[1] ? to_index(rt, *values[1]) : -1;
}

template <class Predicate>
bool all_code_points(std::string_view s, Predicate predicate) {
    if (s.empty()) {
        return false;
    }
    for (std::size_t i = 0; i < s.size();) {
        if (!predicate(decode_utf8(s, i))) {
            return false;
        }
    }
    return true;
}

bool cp_is_alpha(std::uint32_t cp) {
    return (cp < 0x80 && std::isalpha(static_cast<int>(cp))) ||
           (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp < 0x2000);
}
bool cp_is_digit(std::uint32_t cp) {
    return cp >= '0' && cp <= '9';
}
bool cp_is_space(std::uint32_t cp) {
    return (cp < 0x80 && is_ascii_space(static_cast<char>(cp))) || cp == 0x85 || cp == 0xA0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

std::uint32_t to_upper_cp(std::uint32_t cp) {
    if (cp >= 'a' && cp <= 'z') {
        return cp - 32;
    }
    if ((cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)) {
        return cp - 32;
    }
    if (cp >= 0x3B1 && cp <= 0x3C9 && cp != 0x3C2) {
        return cp - 32;
    }
    if (cp >= 0x430 && cp <= 0x44F) {
        return cp - 32;
    }
    return cp;
}

std::uint32_t to_lower_cp(std::uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z') {
        return cp + 32;
    }
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) {
        return cp + 32;
    }
    if (cp >= 0x391 && cp <= 0x3A9) {
        return cp + 32;
    }
    if (cp >= 0x410 && cp <= 0x42F) {
        return cp + 32;
    }
    return cp;
}

bool cp_is_upper(std::uint32_t cp) {
    return to_lower_cp(cp) != cp;
}
bool cp_is_lower(std::uint32_t cp) {
    return to_upper_cp(cp) != cp;
}

template <class F>
std::string map_code_points(std::string_view s, F f) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        append_utf8(out, f(decode_utf8(s, i)));
    }
    return out;
}

std::string pad_text(Runtime& rt, const CallArgs& args, const char* name, int align) {
    if (args.size() < 2 || args.size() > 3) {
        raise_error(
            rt, rt.types().TypeError,
            std::string(name) + " expected " +
                (args.size() < 2 ? "at least 1 argument, got 0"
                                 : "at most 2 arguments, got " + std::to_string(args.size() - 1)));
    }
    const std::string_view s = self_text(args);
    const std::int64_t width = to_index(rt, args[1]);
    std::string fill = " ";
    if (args.size() == 3) {
        if (!is_str(rt, args[2]) || args[2].as<StrObject>()->code_points() != 1) {
            raise_error(rt, rt.types().TypeError,
                        "The fill character must be exactly one character long");
        }
        fill = std::string(str_view(args[2]));
    }
    const std::int64_t length = utf8_length(s);
    if (width <= length) {
        return std::string(s);
    }
    const std::int64_t total = width - length;
    std::int64_t left = 0;
    if (align == 0) {
        // CPython's center: the extra space goes left when the width is odd.
        left = total / 2 + (total & width & 1);
    } else if (align > 0) {
        left = total;
    }
    std::string out;
    for (std::int64_t k = 0; k < left; ++k) {
        out += fill;
    }
    out.append(s);
    for (std::int64_t k = 0; k < total - left; ++k) {
        out += fill;
    }
    return out;
}

Value find_impl(Runtime& rt, const CallArgs& args, const char* name, bool reverse, bool raise) {
    if (args.size() < 2 || args.size() > 4) {
        expect_between(rt, CallArgs{args.positional.subspan(1), {}, {}}, name, 1, 3);
    }
    const std::string_view s = self_text(args);
    const std::string_view needle = str_arg(rt, args, 1);
    std::size_t begin, end;
    byte_range(rt, args, 2, s, begin, end);
    std::size_t found = std::string_view::npos;
    if (begin != SIZE_MAX && needle.size() <= end - begin) {
        const std::string_view window = s.substr(begin, end - begin);
        const std::size_t at = reverse ? window.rfind(needle) : window.find(needle);
        if (at != std::string_view::npos) {
            found = begin + at;
        }
    }
    if (found == std::string_view::npos) {
        if (raise) {
            raise_error(rt, rt.types().ValueError, "substring not found");
        }
        return Value::integer(-1);
    }
    return Value::integer(cp_index(s, found));
}

bool affix_matches(Runtime& rt, const CallArgs& args, const char* name, bool suffix) {
    if (args.size() < 2 || args.size() > 4) {
        expect_between(rt, CallArgs{args.positional.subspan(1), {}, {}}, name, 1, 3);
    }
    const std::string_view s = self_text(args);
    std::size_t begin, end;
    byte_range(rt, args, 2, s, begin, end);
    if (begin == SIZE_MAX) {
        return false;
    }
    const std::string_view window = s.substr(begin, end - begin);
    auto check = [&](const Value& v) {
        if (!is_str(rt, v)) {
            raise_error(rt, rt.types().TypeError,
                        std::string(name) + " first arg must be str or a tuple of str, not " +
                            std::string(type_name(rt, v)));
        }
        const std::string_view affix = str_view(v);
        return suffix ? window.ends_with(affix) : window.starts_with(affix);
    };
    if (is_tuple(rt, args[1])) {
        for (const Value& v : tuple_items(args[1])) {
            if (check(v)) {
                return true;
            }
        }
        return false;
    }
    return check(args[1]);
}

}  // namespace

void install_str_methods(Runtime& rt) {
    TypeObject& str = rt.types().str;
    auto method = [&](const char* name, NativeFunction f) {
        define_method(rt, str, name, std::move(f));
    };

    method("join", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, CallArgs{args.positional, {}, {}}, "str.join", 2);
        const std::string_view sep = self_text(args);
        std::string out;
        std::size_t index = 0;
        for_each_item(r, args[1], [&](const Value& item) {
            if (!is_str(r, item)) {
                raise_error(r, r.types().TypeError,
                            "sequence item " + std::to_string(index) + ": expected str instance, " +
                                std::string(type_name(r, item)) + " found");
            }
            if (index > 0) {
                out.append(sep);
            }
            out.append(str_view(item));
            ++index;
            return true;
        });
        return make_str(r, std::move(out));
    });
    method("split", [](Runtime& r, const CallArgs& args) {
        Value sep;
        std::int64_t maxsplit;
        split_arguments(r, args, "split", sep, maxsplit);
        const std::string_view s = self_text(args);
        if (sep.is_none()) {
            return split_whitespace(r, s, maxsplit);
        }
        const std::string_view separator = expect_str(r, sep, "must be str or None; separator");
        if (separator.empty()) {
            raise_error(r, r.types().ValueError, "empty separator");
        }
        std::vector<Value> parts;
        std::size_t start = 0;
        while (true) {
            if (maxsplit >= 0 && static_cast<std::int64_t>(parts.size()) >= maxsplit) {
                break;
            }
            const std::size_t at = s.find(separator, start);
            if (at == std::string_view::npos) {
                break;
            }
            parts.push_back(make_str(r, s.substr(start, at - start)));
            start = at + separator.size();
        }
        parts.push_back(make_str(r, s.substr(start)));
        return make_list(r, std::move(parts));
    });
    method("rsplit", [](Runtime& r, const CallArgs& args) {
        Value sep;
        std::int64_t maxsplit;
        split_arguments(r, args, "rsplit", sep, maxsplit);
        const std::string_view s = self_text(args);
        if (sep.is_none()) {
            return rsplit_whitespace(r, s, maxsplit);
        }
        const std::string_view separator = expect_str(r, sep, "must be str or None; separator");
        if (separator.empty()) {
            raise_error(r, r.types().ValueError, "empty separator");
        }
        std::vector<Value> parts;
        std::size_t end = s.size();
        while (true) {
            if (maxsplit >= 0 && static_cast<std::int64_t>(parts.size()) >= maxsplit) {
                break;
            }
            if (end < separator.size()) {
                break;
            }
            const std::size_t at = s.substr(0, end).rfind(separator);
            if (at == std::string_view::npos) {
                break;
            }
            parts.push_back(
                make_str(r, s.substr(at + separator.size(), end - at - separator.size())));
            end = at;
        }
        parts.push_back(make_str(r, s.substr(0, end)));
        std::reverse(parts.begin(), parts.end());
        return make_list(r, std::move(parts));
    });
    method("splitlines", [](Runtime& r, const CallArgs& args) {
        CallArgs rest = args;
        rest.positional = args.positional.subspan(1);
        auto values = parse_arguments(r, rest, Signature{"splitlines", {"keepends"}});
        const bool keepends = values[0] && truthy(r, *values[0]);
        const std::string_view s = self_text(args);
        std::vector<Value> lines;
        std::size_t start = 0, i = 0;
        while (i < s.size()) {
            const char c = s[i];
            if (c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '\x1c' || c == '\x1d' ||
                c == '\x1e') {
                std::size_t eol = i + 1;
                if (c == '\r' && eol < s.size() && s[eol] == '\n') {
                    ++eol;
                }
                lines.push_back(make_str(r, s.substr(start, (keepends ? eol : i) - start)));
                start = i = eol;
            } else {
                ++i;
            }
        }
        if (start < s.size()) {
            lines.push_back(make_str(r, s.substr(start)));
        }
        return make_list(r, std::move(lines));
    });
    method("strip", [](Runtime& r, const CallArgs& args) {
        return make_str(r, strip_chars(self_text(args), args, r, true, true));
    });
    method("lstrip", [](Runtime& r, const CallArgs& args) {
        return make_str(r, strip_chars(self_text(args), args, r, true, false));
    });
    method("rstrip", [](Runtime& r, const CallArgs& args) {
        return make_str(r, strip_chars(self_text(args), args, r, false, true));
    });
    method("startswith", [](Runtime& r, const CallArgs& args) {
        return Value::boolean(affix_matches(r, args, "startswith", false));
    });
    method("endswith", [](Runtime& r, const CallArgs& args) {
        return Value::boolean(affix_matches(r, args, "endswith", true));
    });
    method("find", [](Runtime& r, const CallArgs& args) {
        return find_impl(r, args, "find", false, false);
    });
    method("rfind", [](Runtime& r, const CallArgs& args) {
        return find_impl(r, args, "rfind", true, false);
    });
    method("index", [](Runtime& r, const CallArgs& args) {
        return find_impl(r, args, "index", false, true);
    });
    method("rindex", [](Runtime& r, const CallArgs& args) {
        return find_impl(r, args, "rindex", true, true);
    });
    method("count", [](Runtime& r, const CallArgs& args) {
        if (args.size() < 2 || args.size() > 4) {
            expect_between(r, CallArgs{args.positional.subspan(1), {}, {}}, "count", 1, 3);
        }
        const std::string_view s = self_text(args);
        const std::string_view needle = str_arg(r, args, 1);
        std::size_t begin, end;
        byte_range(r, args, 2, s, begin, end);
        if (begin == SIZE_MAX) {
            return Value::integer(0);
        }
        const std::string_view window = s.substr(begin, end - begin);
        if (needle.empty()) {
            return Value::integer(utf8_length(window) + 1);
        }
        std::int64_t n = 0;
        for (std::size_t at = window.find(needle); at != std::string_view::npos;
             at = window.find(needle, at + needle.size())) {
            ++n;
        }
        return Value::integer(n);
    });
    method("replace", [](Runtime& r, const CallArgs& args) {
        if (args.size() < 3 || args.size() > 4) {
            expect_between(r, CallArgs{args.positional.subspan(1), {}, {}}, "replace", 2, 3);
        }
        const std::string_view s = self_text(args);
        const std::string_view old = str_arg(r, args, 1);
        const std::string_view replacement = str_arg(r, args, 2);
        std::int64_t count = args.size() == 4 ? to_index(r, args[3]) : -1;
        std::string out;
        if (old.empty()) {
            std::int64_t done = 0;
            std::size_t i = 0;
            if (count != 0) {
                out.append(replacement);
                ++done;
            }
            while (i < s.size()) {
                const std::size_t start = i;
                decode_utf8(s, i);
                out.append(s.substr(start, i - start));
                if (i < s.size() && (count < 0 || done < count)) {
                    out.append(replacement);
                    ++done;
                }
            }
            if (!s.empty() && (count < 0 || done < count)) {
                out.append(replacement);
            }
            return make_str(r, std::move(out));
        }
        std::size_t start = 0;
        std::int64_t done = 0;
        while (count < 0 || done < count) {
            const std::size_t at = s.find(old, start);
            if (at == std::string_view::npos) {
                break;
            }
            out.append(s.substr(start, at - start));
            out.append(replacement);
            start = at + old.size();
            ++done;
        }
        out.append(s.substr(start));
        return make_str(r, std::move(out));
    });
    method("upper", [](Runtime& r, const CallArgs& args) {
        return make_str(r, map_code_points(self_text(args), to_upper_cp));
    });
    method("lower", [](Runtime& r, const CallArgs& args) {
        return make_str(r, map_code_points(self_text(args), to_lower_cp));
    });
    method("casefold", [](Runtime& r, const CallArgs& args) {
        return make_str(r, map_code_points(self_text(args), to_lower_cp));
    });
    method("swapcase", [](Runtime& r, const CallArgs& args) {
        return make_str(r, map_code_points(self_text(args), [](std::uint32_t cp) {
                            return cp_is_upper(cp) ? to_lower_cp(cp) : to_upper_cp(cp);
                        }));
    });
    method("title", [](Runtime& r, const CallArgs& args) {
        bool previous_cased = false;
        return make_str(r, map_code_points(self_text(args), [&](std::uint32_t cp) {
                            const bool cased = cp_is_upper(cp) || cp_is_lower(cp);
                            const std::uint32_t out =
                                previous_cased ? to_lower_cp(cp) : to_upper_cp(cp);
                            previous_cased = cased;
                            return out;
                        }));
    });
    method("capitalize", [](Runtime& r, const CallArgs& args) {
        bool first = true;
        return make_str(r, map_code_points(self_text(args), [&](std::uint32_t cp) {
                            const std::uint32_t out = first ? to_upper_cp(cp) : to_lower_cp(cp);
                            first = false;
                            return out;
                        }));
    });
    method("center", [](Runtime& r, const CallArgs& args) {
        return make_str(r, pad_text(r, args, "center", 0));
    });
    method("ljust", [](Runtime& r, const CallArgs& args) {
        return make_str(r, pad_text(r, args, "ljust", -1));
    });
    method("rjust", [](Runtime& r, const CallArgs& args) {
        return make_str(r, pad_text(r, args, "rjust", 1));
    });
    method("zfill", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "str.zfill", 2);
        std::string s(self_text(args));
        const std::int64_t width = to_index(r, args[1]);
        const std::int64_t length = utf8_length(s);
        if (width <= length) {
            return make_str(r, std::move(s));
        }
        const std::size_t at = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
        s.insert(at, static_cast<std::size_t>(width - length), '0');
        return make_str(r, std::move(s));
    });
    method("isdigit", [](Runtime&, const CallArgs& args) {
        return Value::boolean(all_code_points(self_text(args), cp_is_digit));
    });
    method("isdecimal", [](Runtime&, const CallArgs& args) {
        return Value::boolean(all_code_points(self_text(args), cp_is_digit));
    });
    method("isnumeric", [](Runtime&, const CallArgs& args) {
        return Value::boolean(all_code_points(self_text(args), cp_is_digit));
    });
    method("isalpha", [](Runtime&, const CallArgs& args) {
        return Value::boolean(all_code_points(self_text(args), cp_is_alpha));
    });
    method("isalnum", [](Runtime&, const CallArgs& args) {
        return Value::boolean(all_code_points(
            self_text(args), [](std::uint32_t cp) { return cp_is_alpha(cp) || cp_is_digit(cp); }));
    });
    method("isspace", [](Runtime&, const CallArgs& args) {
        return Value::boolean(all_code_points(self_text(args), cp_is_space));
    });
    method("isidentifier", [](Runtime&, const CallArgs& args) {
        const std::string_view s = self_text(args);
        bool first = true;
        return Value::boolean(all_code_points(s, [&](std::uint32_t cp) {
            const bool ok = cp == '_' || cp_is_alpha(cp) || (!first && cp_is_digit(cp));
            first = false;
            return ok;
        }));
    });
    method("isascii", [](Runtime&, const CallArgs& args) {
        return Value::boolean(args[0].as<StrObject>()->ascii);
    });
    method("isupper", [](Runtime&, const CallArgs& args) {
        bool cased = false;
        const std::string_view s = self_text(args);
        for (std::size_t i = 0; i < s.size();) {
            const std::uint32_t cp = decode_utf8(s, i);
            if (cp_is_lower(cp)) {
                return Value::boolean(false);
            }
            cased = cased || cp_is_upper(cp);
        }
        return Value::boolean(cased);
    });
    method("islower", [](Runtime&, const CallArgs& args) {
        bool cased = false;
        const std::string_view s = self_text(args);
        for (std::size_t i = 0; i < s.size();) {
            const std::uint32_t cp = decode_utf8(s, i);
            if (cp_is_upper(cp)) {
                return Value::boolean(false);
            }
            cased = cased || cp_is_lower(cp);
        }
        return Value::boolean(cased);
    });
    method("istitle", [](Runtime&, const CallArgs& args) {
        const std::string_view s = self_text(args);
        bool previous_cased = false, cased = false;
        for (std::size_t i = 0; i < s.size();) {
            const std::uint32_t cp = decode_utf8(s, i);
            if (cp_is_upper(cp)) {
                if (previous_cased) {
                    return Value::boolean(false);
                }
                previous_cased = cased = true;
            } else if (cp_is_lower(cp)) {
                if (!previous_cased) {
                    return Value::boolean(false);
                }
                previous_cased = cased = true;
            } else {
                previous_cased = false;
            }
        }
        return Value::boolean(cased);
    });
    method("format", [](Runtime& r, const CallArgs& args) {
        CallArgs rest = args;
        rest.positional = args.positional.subspan(1);
        return make_str(r, str_format(r, self_text(args), rest));
    });
    method("format_map", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "str.format_map", 2);
        std::vector<std::string> names;
        std::vector<Value> values;
        for_each_item(r, args[1], [&](const Value& key) {
            names.push_back(to_str(r, key));
            values.push_back(get_item(r, args[1], key));
            return true;
        });
        std::vector<std::string_view> views(names.begin(), names.end());
        CallArgs call_args;
        call_args.keyword_names = views;
        call_args.keyword_values = values;
        return make_str(r, str_format(r, self_text(args), call_args));
    });
    method("partition", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "str.partition", 2);
        const std::string_view s = self_text(args);
        const std::string_view sep = str_arg(r, args, 1);
        if (sep.empty()) {
            raise_error(r, r.types().ValueError, "empty separator");
        }
        const std::size_t at = s.find(sep);
        if (at == std::string_view::npos) {
            return make_tuple(r, {args[0], r.empty_str(), r.empty_str()});
        }
        return make_tuple(
            r, {make_str(r, s.substr(0, at)), args[1], make_str(r, s.substr(at + sep.size()))});
    });
    method("rpartition", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "str.rpartition", 2);
        const std::string_view s = self_text(args);
        const std::string_view sep = str_arg(r, args, 1);
        if (sep.empty()) {
            raise_error(r, r.types().ValueError, "empty separator");
        }
        const std::size_t at = s.rfind(sep);
        if (at == std::string_view::npos) {
            return make_tuple(r, {r.empty_str(), r.empty_str(), args[0]});
        }
        return make_tuple(
            r, {make_str(r, s.substr(0, at)), args[1], make_str(r, s.substr(at + sep.size()))});
    });
    method("removeprefix", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "str.removeprefix", 2);
        const std::string_view s = self_text(args);
        const std::string_view prefix = str_arg(r, args, 1);
        return s.starts_with(prefix) ? make_str(r, s.substr(prefix.size())) : args[0];
    });
    method("removesuffix", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "str.removesuffix", 2);
        const std::string_view s = self_text(args);
        const std::string_view suffix = str_arg(r, args, 1);
        return s.ends_with(suffix) && !suffix.empty()
                   ? make_str(r, s.substr(0, s.size() - suffix.size()))
                   : args[0];
    });
    method("expandtabs", [](Runtime& r, const CallArgs& args) {
        const std::int64_t size = args.size() > 1 ? to_index(r, args[1]) : 8;
        std::string out;
        std::int64_t column = 0;
        const std::string_view s = self_text(args);
        for (std::size_t i = 0; i < s.size();) {
            const std::size_t start = i;
            const std::uint32_t cp = decode_utf8(s, i);
            if (cp == '\t') {
                if (size > 0) {
                    const std::int64_t spaces = size - column % size;
                    out.append(static_cast<std::size_t>(spaces), ' ');
                    column += spaces;
                }
            } else {
                out.append(s.substr(start, i - start));
                column = (cp == '\n' || cp == '\r') ? 0 : column + 1;
            }
        }
        return make_str(r, std::move(out));
    });
    method("encode", [](Runtime& r, const CallArgs&) -> Value {
        raise_error(r, r.types().NotImplementedError,
                    "str.encode() is not available in Loopscope scripts (no bytes type)");
    });
    method("__format__", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "str.__format__", 2);
        return make_str(r, format_value(r, args[0], expect_str(r, args[1], "format_spec")));
    });
}

}  // namespace loopscope::script
