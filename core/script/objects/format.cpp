#include "core/script/objects/format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/script/objects/dict.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/float_format.h"
#include "core/script/objects/internal_ops.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"

namespace loopscope::script {

std::string float_repr(double value) {
    FloatFormat format;
    format.code = 'r';
    format.add_dot_0 = true;
    return double_to_string(value, format);
}

std::string int_repr(std::int64_t value) {
    char buffer[24];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

namespace {

// A parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type].
struct Spec {
    std::string fill = " ";
    char align = '\0';
    char sign = '\0';
    bool no_negative_zero = false;
    bool alternate = false;
    bool zero = false;
    bool align_from_zero = false;  // '0' without an explicit align: '=' for numbers, '<' for str
    std::int64_t width = -1;
    char grouping = '\0';
    std::int64_t precision = -1;
    char type = '\0';
};

bool is_align(char c) {
    return c == '<' || c == '>' || c == '=' || c == '^';
}

Spec parse_spec(Runtime& rt, std::string_view s, std::string_view type_name_) {
    Spec spec;
    std::size_t i = 0;
    // The fill may be any code point; it needs an align after it.
    if (!s.empty()) {
        std::size_t after_first = 0;
        decode_utf8(s, after_first);
        if (after_first < s.size() && is_align(s[after_first])) {
            spec.fill = std::string(s.substr(0, after_first));
            spec.align = s[after_first];
            i = after_first + 1;
        } else if (is_align(s[0])) {
            spec.align = s[0];
            i = 1;
        }
    }
    if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) {
        spec.sign = s[i++];
    }
    if (i < s.size() && s[i] == 'z') {
        spec.no_negative_zero = true;
        ++i;
    }
    if (i < s.size() && s[i] == '#') {
        spec.alternate = true;
        ++i;
    }
    if (i < s.size() && s[i] == '0') {
        spec.zero = true;
        ++i;
    }
    auto read_number = [&]() -> std::int64_t {
        std::int64_t n = -1;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            n = (n < 0 ? 0 : n) * 10 + (s[i] - '0');
            if (n > 1000000000) {
                raise_error(rt, rt.types().ValueError, "Too many decimal digits in format string");
            }
            ++i;
        }
        return n;
    };
    spec.width = read_number();
    if (i < s.size() && (s[i] == ',' || s[i] == '_')) {
        spec.grouping = s[i++];
        if (i < s.size() && (s[i] == ',' || s[i] == '_')) {
            raise_error(rt, rt.types().ValueError, "Cannot specify both ',' and '_'.");
        }
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        spec.precision = read_number();
        if (spec.precision < 0) {
            raise_error(rt, rt.types().ValueError, "Format specifier missing precision");
        }
    }
    if (i < s.size()) {
        spec.type = s[i++];
    }
    if (i < s.size()) {
        raise_error(rt, rt.types().ValueError,
                    "Invalid format specifier '" + std::string(s) + "' for object of type '" +
                        std::string(type_name_) + "'");
    }
    if (spec.zero && spec.align == '\0') {
        spec.fill.assign(1, '0');
        spec.align = '=';
        spec.align_from_zero = true;
    }
    return spec;
}

[[noreturn]] void unknown_code(Runtime& rt, char code, std::string_view type) {
    raise_error(rt, rt.types().ValueError,
                std::string("Unknown format code '") + code + "' for object of type '" +
                    std::string(type) + "'");
}

// Inserts separators every `every` digits of `digits`; with zero padding, pads the digits with
// zeros (grouped as well) to reach `min_width`, never starting with a separator.
std::string group_digits(std::string_view digits, char separator, int every,
                         std::int64_t min_width) {
    std::string reversed;
    std::int64_t count = 0;
    std::size_t remaining = digits.size();
    while (true) {
        if (remaining > 0) {
            reversed += digits[--remaining];
        } else if (static_cast<std::int64_t>(reversed.size()) < min_width) {
            reversed += '0';
        } else {
            break;
        }
        ++count;
        if (count % every == 0 &&
            (remaining > 0 || static_cast<std::int64_t>(reversed.size()) < min_width)) {
            reversed += separator;
        }
    }
    if (!reversed.empty() && reversed.back() == separator) {
        reversed += '0';
    }
    return std::string(reversed.rbegin(), reversed.rend());
}

std::string pad(std::string_view body, const Spec& spec, char default_align,
                std::string_view sign_and_prefix = {}) {
    const std::int64_t length =
        utf8_length(body) + static_cast<std::int64_t>(sign_and_prefix.size());
    if (spec.width <= length) {
        return std::string(sign_and_prefix) + std::string(body);
    }
    const auto padding = static_cast<std::size_t>(spec.width - length);
    std::string fill;
    auto repeat_fill = [&](std::size_t n) {
        std::string out;
        for (std::size_t k = 0; k < n; ++k) {
            out += spec.fill;
        }
        return out;
    };
    const char align = spec.align ? spec.align : default_align;
    switch (align) {
        case '<':
            return std::string(sign_and_prefix) + std::string(body) + repeat_fill(padding);
        case '^':
            return repeat_fill(padding / 2) + std::string(sign_and_prefix) + std::string(body) +
                   repeat_fill(padding - padding / 2);
        case '=':
            return std::string(sign_and_prefix) + repeat_fill(padding) + std::string(body);
        default:
            return repeat_fill(padding) + std::string(sign_and_prefix) + std::string(body);
    }
}

std::string sign_text(bool negative, char sign) {
    if (negative) {
        return "-";
    }
    if (sign == '+') {
        return "+";
    }
    if (sign == ' ') {
        return " ";
    }
    return "";
}

std::string format_int(Runtime& rt, std::int64_t value, const Spec& spec,
                       std::string_view type_name_) {
    char type = spec.type ? spec.type : 'd';
    if (spec.precision >= 0) {
        raise_error(rt, rt.types().ValueError, "Precision not allowed in integer format specifier");
    }
    if (type == 'c') {
        if (spec.sign) {
            raise_error(rt, rt.types().ValueError,
                        "Sign not allowed with integer format specifier 'c'");
        }
        if (value < 0 || value > 0x10FFFF) {
            raise_error(rt, rt.types().OverflowError, "%c arg not in range(0x110000)");
        }
        std::string ch;
        append_utf8(ch, static_cast<std::uint32_t>(value));
        return pad(ch, spec, '>');
    }
    int base = 10;
    std::string prefix;
    switch (type) {
        case 'd':
        case 'n':
            break;
        case 'b':
            base = 2;
            prefix = "0b";
            break;
        case 'o':
            base = 8;
            prefix = "0o";
            break;
        case 'x':
            base = 16;
            prefix = "0x";
            break;
        case 'X':
            base = 16;
            prefix = "0X";
            break;
        default:
            unknown_code(rt, type, type_name_);
    }
    const bool negative = value < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    char buffer[80];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, magnitude, base);
    std::string digits(buffer, result.ptr);
    if (type == 'X') {
        for (char& c : digits) {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
    }
    std::string lead = sign_text(negative, spec.sign) + (spec.alternate ? prefix : "");
    if (spec.grouping) {
        if (spec.grouping == ',' && base != 10) {
            raise_error(rt, rt.types().ValueError,
                        std::string("Cannot specify ',' with '") + type + "'.");
        }
        const int every = base == 10 ? 3 : 4;
        const std::int64_t min_width = spec.align == '=' && spec.fill == "0" && spec.width > 0
                                           ? spec.width - static_cast<std::int64_t>(lead.size())
                                           : 0;
        digits = group_digits(digits, spec.grouping, every, min_width);
    }
    return pad(digits, spec, '>', lead);
}

std::string format_float(Runtime& rt, double value, const Spec& spec, std::string_view type_name_) {
    char type = spec.type;
    FloatFormat f;
    bool percent = false;
    if (type == '\0') {
        f.add_dot_0 = true;
        f.code = spec.precision < 0 ? 'r' : 'g';
        f.precision = spec.precision < 0 ? 0 : static_cast<int>(spec.precision);
    } else {
        switch (type) {
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
                f.code = type;
                break;
            case 'n':
                f.code = 'g';
                break;
            case '%':
                f.code = 'f';
                percent = true;
                value *= 100.0;
                break;
            default:
                unknown_code(rt, type, type_name_);
        }
        f.precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
    }
    f.alternate = spec.alternate;
    if (spec.no_negative_zero && value == 0.0) {
        value = 0.0;
    }
    std::string text = double_to_string(std::fabs(value), f);
    if (spec.no_negative_zero && text.find_first_not_of("0.") == std::string::npos) {
        value = 0.0;
    }
    if (percent) {
        text += '%';
    }
    const bool negative = std::signbit(value) && !std::isnan(value);
    std::string lead = sign_text(negative, spec.sign);
    if (spec.grouping && std::isfinite(value)) {
        std::size_t int_end = text.find_first_not_of("0123456789");
        if (int_end == std::string::npos) {
            int_end = text.size();
        }
        const std::string rest = text.substr(int_end);
        const std::int64_t min_width =
            spec.align == '=' && spec.fill == "0" && spec.width > 0
                ? spec.width - static_cast<std::int64_t>(lead.size() + rest.size())
                : 0;
        text = group_digits(text.substr(0, int_end), spec.grouping, 3, min_width) + rest;
    }
    return pad(text, spec, '>', lead);
}

std::string format_str(Runtime& rt, std::string_view text, const Spec& spec) {
    if (spec.type && spec.type != 's') {
        unknown_code(rt, spec.type, "str");
    }
    if (spec.sign) {
        raise_error(rt, rt.types().ValueError, "Sign not allowed in string format specifier");
    }
    if (spec.alternate) {
        raise_error(rt, rt.types().ValueError,
                    "Alternate form (#) not allowed in string format specifier");
    }
    if (spec.align == '=' && !spec.align_from_zero) {
        raise_error(rt, rt.types().ValueError,
                    "'=' alignment not allowed in string format specifier");
    }
    if (spec.grouping) {
        raise_error(rt, rt.types().ValueError,
                    std::string("Cannot specify '") + spec.grouping + "' with 's'.");
    }
    std::string_view body = text;
    if (spec.precision >= 0 && utf8_length(text) > spec.precision) {
        std::size_t at = 0;
        for (std::int64_t n = 0; n < spec.precision; ++n) {
            decode_utf8(text, at);
        }
        body = text.substr(0, at);
    }
    Spec s = spec;
    if (spec.align_from_zero) {
        s.align = '<';
    }
    return pad(body, s, '<');
}

}  // namespace

std::string format_value(Runtime& rt, const Value& value, std::string_view spec_text) {
    if (value.is_int() || value.is_bool()) {
        if (spec_text.empty()) {
            return to_str(rt, value);
        }
        Spec spec = parse_spec(rt, spec_text, value.is_bool() ? "bool" : "int");
        switch (spec.type) {
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
            case '%':
                return format_float(rt, static_cast<double>(value.as_int()), spec, "int");
            default:
                return format_int(rt, value.as_int(), spec, value.is_bool() ? "bool" : "int");
        }
    }
    if (value.is_float()) {
        if (spec_text.empty()) {
            return float_repr(value.as_float());
        }
        return format_float(rt, value.as_float(), parse_spec(rt, spec_text, "float"), "float");
    }
    if (is_str(rt, value)) {
        if (spec_text.empty()) {
            return std::string(str_view(value));
        }
        return format_str(rt, str_view(value), parse_spec(rt, spec_text, "str"));
    }
    if (!spec_text.empty()) {
        raise_error(rt, rt.types().TypeError,
                    "unsupported format string passed to " + std::string(type_name(rt, value)) +
                        ".__format__");
    }
    return to_str(rt, value);
}

// --- % formatting ----------------------------------------------------------------------------

std::string percent_format(Runtime& rt, std::string_view fmt, const Value& args) {
    std::vector<Value> items;
    bool is_mapping = false;
    if (is_tuple(rt, args)) {
        items = tuple_items(args);
    } else {
        is_mapping = is_dict(rt, args) ||
                     (type_of(rt, args).is_user_class && type_of(rt, args).lookup("__getitem__"));
        items.push_back(args);
    }
    std::size_t next = 0;
    bool used_mapping = false;
    auto next_arg = [&]() -> Value {
        if (next >= items.size()) {
            raise_error(rt, rt.types().TypeError, "not enough arguments for format string");
        }
        return items[next++];
    };
    std::string out;
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != '%') {
            out += fmt[i];
            continue;
        }
        ++i;
        if (i >= fmt.size()) {
            raise_error(rt, rt.types().ValueError, "incomplete format");
        }
        Value arg;
        bool have_arg = false;
        if (fmt[i] == '(') {
            if (!is_mapping) {
                raise_error(rt, rt.types().TypeError, "format requires a mapping");
            }
            int depth = 1;
            std::size_t key_start = ++i;
            while (i < fmt.size() && depth > 0) {
                if (fmt[i] == '(') {
                    ++depth;
                } else if (fmt[i] == ')') {
                    --depth;
                }
                ++i;
            }
            if (depth > 0) {
                raise_error(rt, rt.types().ValueError, "incomplete format key");
            }
            arg = get_item(rt, args, make_str(rt, fmt.substr(key_start, i - 1 - key_start)));
            have_arg = true;
            used_mapping = true;
        }
        Spec spec;
        bool left = false;
        for (; i < fmt.size(); ++i) {
            const char c = fmt[i];
            if (c == '-') {
                left = true;
            } else if (c == '+') {
                spec.sign = '+';
            } else if (c == ' ') {
                if (spec.sign != '+') {
                    spec.sign = ' ';
                }
            } else if (c == '#') {
                spec.alternate = true;
            } else if (c == '0') {
                spec.zero = true;
            } else {
                break;
            }
        }
        auto read_count = [&]() -> std::int64_t {
            if (i < fmt.size() && fmt[i] == '*') {
                ++i;
                Value v = next_arg();
                if (!(v.is_int() || v.is_bool())) {
                    raise_error(rt, rt.types().TypeError, "* wants int");
                }
                return v.as_int();
            }
            std::int64_t n = -1;
            while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
                n = (n < 0 ? 0 : n) * 10 + (fmt[i] - '0');
                ++i;
            }
            return n;
        };
        spec.width = read_count();
        if (spec.width < -1) {
            left = true;
            spec.width = -spec.width;
        }
        if (i < fmt.size() && fmt[i] == '.') {
            ++i;
            spec.precision = read_count();
            if (spec.precision < 0) {
                spec.precision = 0;
            }
        }
        while (i < fmt.size() && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) {
            ++i;
        }
        if (i >= fmt.size()) {
            raise_error(rt, rt.types().ValueError, "incomplete format");
        }
        const char conversion = fmt[i];
        if (conversion == '%') {
            out += '%';
            continue;
        }
        if (!have_arg) {
            arg = next_arg();
        }
        spec.align = left ? '<' : '>';
        if (spec.zero && !left) {
            spec.fill.assign(1, '0');
            spec.align = '=';
        }
        switch (conversion) {
            case 's':
            case 'r':
            case 'a': {
                std::string text = conversion == 's' ? to_str(rt, arg) : repr(rt, arg);
                if (spec.precision >= 0 && utf8_length(text) > spec.precision) {
                    std::size_t at = 0;
                    for (std::int64_t n = 0; n < spec.precision; ++n) {
                        decode_utf8(text, at);
                    }
                    text.resize(at);
                }
                Spec s = spec;
                s.fill.assign(1, ' ');
                s.align = left ? '<' : '>';
                out += pad(text, s, '>');
                break;
            }
            case 'd':
            case 'i':
            case 'u':
            case 'x':
            case 'X':
            case 'o': {
                std::int64_t v = 0;
                if (arg.is_int() || arg.is_bool()) {
                    v = arg.as_int();
                } else if (arg.is_float()) {
                    v = float_to_int(rt, arg.as_float());
                } else {
                    Value r;
                    if (arg.is_object() && call_special(rt, arg, "__index__", {}, r) &&
                        (r.is_int() || r.is_bool())) {
                        v = r.as_int();
                    } else if (conversion == 'd' || conversion == 'i' || conversion == 'u') {
                        raise_error(rt, rt.types().TypeError,
                                    std::string("%") + conversion +
                                        " format: a real number is required, not " +
                                        std::string(type_name(rt, arg)));
                    } else {
                        raise_error(rt, rt.types().TypeError,
                                    std::string("%") + conversion +
                                        " format: an integer is required, not " +
                                        std::string(type_name(rt, arg)));
                    }
                }
                Spec s = spec;
                s.type = conversion == 'i' || conversion == 'u' ? 'd' : conversion;
                s.precision = -1;
                std::string text = format_int(rt, v, s, "int");
                if (spec.precision > 0) {
                    // %.3d pads the digits with zeros.
                    Spec plain = s;
                    plain.width = -1;
                    std::string digits = format_int(rt, v < 0 ? -v : v, plain, "int");
                    while (static_cast<std::int64_t>(digits.size()) < spec.precision) {
                        digits.insert(digits.begin(), '0');
                    }
                    Spec outer = spec;
                    outer.fill.assign(1, ' ');
                    outer.align = left ? '<' : '>';
                    text = pad(digits, outer, '>', sign_text(v < 0, spec.sign));
                }
                out += text;
                break;
            }
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G': {
                const double d = to_double(rt, arg);
                Spec s = spec;
                s.type = conversion;
                if (s.precision < 0) {
                    s.precision = 6;
                }
                out += format_float(rt, d, s, "float");
                break;
            }
            case 'c': {
                std::string text;
                if (arg.is_int() || arg.is_bool()) {
                    if (arg.as_int() < 0 || arg.as_int() > 0x10FFFF) {
                        raise_error(rt, rt.types().OverflowError, "%c arg not in range(0x110000)");
                    }
                    append_utf8(text, static_cast<std::uint32_t>(arg.as_int()));
                } else if (is_str(rt, arg) && arg.as<StrObject>()->code_points() == 1) {
                    text = std::string(str_view(arg));
                } else {
                    raise_error(rt, rt.types().TypeError, "%c requires int or char");
                }
                Spec s = spec;
                s.fill.assign(1, ' ');
                out += pad(text, s, '>');
                break;
            }
            default: {
                char code[8];
                std::snprintf(code, sizeof code, "0x%x", static_cast<unsigned char>(conversion));
                raise_error(rt, rt.types().ValueError,
                            std::string("unsupported format character '") + conversion + "' (" +
                                code + ") at index " + std::to_string(i));
            }
        }
    }
    if (next < items.size() && !used_mapping && !is_mapping) {
        raise_error(rt, rt.types().TypeError,
                    "not all arguments converted during string formatting");
    }
    return out;
}

// --- str.format ------------------------------------------------------------------------------

namespace {

struct FormatState {
    const CallArgs& args;
    int auto_index = 0;
    bool used_auto = false;
    bool used_manual = false;
};

Value lookup_field(Runtime& rt, std::string_view field, FormatState& state) {
    std::size_t i = 0;
    while (i < field.size() && field[i] != '.' && field[i] != '[') {
        ++i;
    }
    const std::string_view head = field.substr(0, i);
    Value value;
    if (head.empty() ||
        std::all_of(head.begin(), head.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::int64_t index;
        if (head.empty()) {
            if (state.used_manual) {
                raise_error(rt, rt.types().ValueError,
                            "cannot switch from manual field specification to automatic field "
                            "numbering");
            }
            state.used_auto = true;
            index = state.auto_index++;
        } else {
            if (state.used_auto) {
                raise_error(rt, rt.types().ValueError,
                            "cannot switch from automatic field numbering to manual field "
                            "specification");
            }
            state.used_manual = true;
            index = std::stoll(std::string(head));
        }
        if (index >= static_cast<std::int64_t>(state.args.size())) {
            raise_error(rt, rt.types().IndexError,
                        "Replacement index " + std::to_string(index) +
                            " out of range for positional args tuple");
        }
        value = state.args[static_cast<std::size_t>(index)];
    } else {
        const Value* found = find_keyword(state.args, head);
        if (!found) {
            raise_value(
                make_exception(rt, rt.types().KeyError, std::vector<Value>{make_str(rt, head)}));
        }
        value = *found;
    }
    while (i < field.size()) {
        if (field[i] == '.') {
            std::size_t j = ++i;
            while (j < field.size() && field[j] != '.' && field[j] != '[') {
                ++j;
            }
            value = get_attr(rt, value, field.substr(i, j - i));
            i = j;
        } else {
            std::size_t j = field.find(']', i);
            if (j == std::string_view::npos) {
                raise_error(rt, rt.types().ValueError, "Missing ']' in format string");
            }
            const std::string_view key = field.substr(i + 1, j - i - 1);
            const bool numeric = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
                return c >= '0' && c <= '9';
            });
            value = get_item(
                rt, value,
                numeric ? Value::integer(std::stoll(std::string(key))) : make_str(rt, key));
            i = j + 1;
        }
    }
    return value;
}

std::string expand(Runtime& rt, std::string_view fmt, FormatState& state, int depth) {
    if (depth > 2) {
        raise_error(rt, rt.types().ValueError, "Max string recursion exceeded");
    }
    std::string out;
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        const char c = fmt[i];
        if (c == '}') {
            if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
                out += '}';
                ++i;
                continue;
            }
            raise_error(rt, rt.types().ValueError, "Single '}' encountered in format string");
        }
        if (c != '{') {
            out += c;
            continue;
        }
        if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        // Find the matching '}' (specs may nest one level of {}).
        std::size_t j = i + 1;
        int nesting = 1;
        while (j < fmt.size()) {
            if (fmt[j] == '{') {
                ++nesting;
            } else if (fmt[j] == '}') {
                if (--nesting == 0) {
                    break;
                }
            }
            ++j;
        }
        if (j >= fmt.size()) {
            raise_error(rt, rt.types().ValueError,
                        i + 1 >= fmt.size() ? "Single '{' encountered in format string"
                                            : "expected '}' before end of string");
        }
        std::string_view inner = fmt.substr(i + 1, j - i - 1);
        std::string_view field = inner;
        std::string_view spec;
        char conversion = '\0';
        std::size_t bracket = 0;
        for (std::size_t k = 0; k < inner.size(); ++k) {
            if (inner[k] == '[') {
                ++bracket;
            } else if (inner[k] == ']') {
                --bracket;
            } else if (bracket == 0 && (inner[k] == '!' || inner[k] == ':')) {
                field = inner.substr(0, k);
                if (inner[k] == '!') {
                    if (k + 1 >= inner.size()) {
                        raise_error(rt, rt.types().ValueError,
                                    "end of string while looking for conversion specifier");
                    }
                    conversion = inner[k + 1];
                    if (k + 2 < inner.size()) {
                        if (inner[k + 2] != ':') {
                            raise_error(rt, rt.types().ValueError,
                                        "expected ':' after conversion specifier");
                        }
                        spec = inner.substr(k + 3);
                    }
                } else {
                    spec = inner.substr(k + 1);
                }
                break;
            }
        }
        Value value = lookup_field(rt, field, state);
        if (conversion == 'r' || conversion == 'a') {
            value = make_str(rt, repr(rt, value));
        } else if (conversion == 's') {
            value = make_str(rt, to_str(rt, value));
        } else if (conversion != '\0') {
            raise_error(rt, rt.types().ValueError,
                        std::string("Unknown conversion specifier ") + conversion);
        }
        std::string expanded_spec = spec.find('{') != std::string_view::npos
                                        ? expand(rt, spec, state, depth + 1)
                                        : std::string(spec);
        out += format(rt, value, expanded_spec);
        i = j;
    }
    return out;
}

}  // namespace

std::string str_format(Runtime& rt, std::string_view fmt, const CallArgs& args) {
    FormatState state{args};
    return expand(rt, fmt, state, 0);
}

}  // namespace loopscope::script
