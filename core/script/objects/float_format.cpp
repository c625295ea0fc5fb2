#include "core/script/objects/float_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace loopscope::script {

namespace {

// The decimal digits of |value| (no leading or trailing zeros; "0" for zero) and the position
// of the decimal point relative to them (CPython's _Py_dg_dtoa outputs). `significant` < 0
// asks for the shortest round-tripping digits; otherwise that many significant digits,
// correctly rounded.
void decimal_digits(double value, int significant, std::string& digits, int& decpt) {
    char buffer[64];
    std::to_chars_result result =
        significant < 0
            ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific)
            : std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific,
                            significant - 1);
    std::string text(buffer, result.ptr);
    const std::size_t e = text.find('e');
    const int exponent = std::atoi(text.c_str() + e + 1);
    digits.clear();
    for (std::size_t i = 0; i < e; ++i) {
        if (text[i] >= '0' && text[i] <= '9') {
            digits += text[i];
        }
    }
    while (digits.size() > 1 && digits.back() == '0') {
        digits.pop_back();
    }
    decpt = exponent + 1;
    if (digits == "0") {
        decpt = 1;
    }
}

}  // namespace

std::string double_to_string(double value, const FloatFormat& format) {
    const bool upper = format.code == 'E' || format.code == 'F' || format.code == 'G';
    const char code = static_cast<char>(upper ? format.code + ('a' - 'A') : format.code);
    std::string out;
    if (std::signbit(value) && !std::isnan(value)) {
        out += '-';
    } else if (format.always_sign) {
        out += '+';
    }
    if (std::isnan(value)) {
        return out + (upper ? "NAN" : "nan");
    }
    if (std::isinf(value)) {
        return out + (upper ? "INF" : "inf");
    }
    const double magnitude = std::fabs(value);
    if (code == 'f') {
        char buffer[400];
        auto result = std::to_chars(buffer, buffer + sizeof buffer, magnitude,
                                    std::chars_format::fixed, format.precision);
        out.append(buffer, result.ptr);
        if (format.alternate && format.precision == 0) {
            out += '.';
        }
        return out;
    }
    if (code == 'e') {
        char buffer[64];
        auto result = std::to_chars(buffer, buffer + sizeof buffer, magnitude,
                                    std::chars_format::scientific, format.precision);
        std::string text(buffer, result.ptr);
        if (format.alternate && format.precision == 0) {
            text.insert(1, ".");
        }
        if (upper) {
            text[text.find('e')] = 'E';
        }
        return out + text;
    }
    // 'r' and 'g': CPython's format_float_short.
    int precision = format.precision;
    std::string digits;
    int decpt = 0;
    if (code == 'g') {
        if (precision == 0) {
            precision = 1;
        }
        decimal_digits(magnitude, precision, digits, decpt);
    } else {
        decimal_digits(magnitude, -1, digits, decpt);
    }
    const int digits_len = static_cast<int>(digits.size());
    int vdigits_end = digits_len;
    bool use_exp = false;
    if (code == 'g') {
        if (decpt <= -4 || decpt > (format.add_dot_0 ? precision - 1 : precision)) {
            use_exp = true;
        }
        if (format.alternate) {
            vdigits_end = precision;
        }
    } else if (decpt <= -4 || decpt > 16) {
        use_exp = true;
    }
    int exponent = 0;
    if (use_exp) {
        exponent = decpt - 1;
        decpt = 1;
    }
    const int vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && format.add_dot_0) {
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
    } else {
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;
    }
    if (decpt <= 0) {
        out.append(static_cast<std::size_t>(decpt - vdigits_start), '0');
        out += '.';
        out.append(static_cast<std::size_t>(-decpt), '0');
    } else {
        out.append(static_cast<std::size_t>(-vdigits_start), '0');
    }
    if (0 < decpt && decpt <= digits_len) {
        out.append(digits, 0, static_cast<std::size_t>(decpt));
        out += '.';
        out.append(digits, static_cast<std::size_t>(decpt), std::string::npos);
    } else {
        out += digits;
    }
    if (digits_len < decpt) {
        out.append(static_cast<std::size_t>(decpt - digits_len), '0');
        out += '.';
        out.append(static_cast<std::size_t>(vdigits_end - decpt), '0');
    } else {
        out.append(static_cast<std::size_t>(vdigits_end - digits_len), '0');
    }
    if (out.back() == '.' && !format.alternate) {
        out.pop_back();
    }
    if (use_exp) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%c%+.02d", upper ? 'E' : 'e', exponent);
        out += buffer;
    }
    return out;
}

}  // namespace loopscope::script
