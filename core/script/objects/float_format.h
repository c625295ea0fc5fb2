#pragma once

#include <string>

namespace loopscope::script {

// CPython's PyOS_double_to_string, the engine behind repr(float), format specs and %-formats.
struct FloatFormat {
    char code = 'r';           // 'r' (shortest repr), 'e', 'f', 'g' (upper case: 'E', 'F', 'G')
    int precision = 0;         // digits after the point (e, f) or significant digits (g)
    bool always_sign = false;  // '+'
    bool add_dot_0 = false;    // "1.0" rather than "1" for integral values ('r' and '' type)
    bool alternate = false;    // '#': keep the point and trailing zeros
};
// The text without padding: "-1.5e+16", "inf", "nan".
std::string double_to_string(double value, const FloatFormat& format);

}  // namespace loopscope::script
