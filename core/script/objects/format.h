#pragma once

#include <string>
#include <string_view>

#include "core/script/objects/object.h"

namespace loopscope::script {

// CPython's value formatting.

// repr(float): the shortest string that round-trips; exponent form when the decimal exponent is
// < -4 or >= 16 ("1e-05", "1e+16"), "inf", "-inf", "nan", "-0.0".
std::string float_repr(double value);
// repr(int).
std::string int_repr(std::int64_t value);

// format(value, spec) for int, bool, float and str with the format-spec mini-language:
// [[fill]align][sign][z][#][0][width][grouping][.precision][type]. Other types: spec must be
// empty (TypeError "unsupported format string passed to Foo.__format__") and str() is used.
std::string format_value(Runtime& rt, const Value& value, std::string_view spec);

// fmt % args: %s %r %a %d %i %u %f %F %e %E %g %G %x %X %o %c %% with flags, width, precision
// and `*`; args a tuple, a single value, or a mapping for %(name)s. CPython's errors ("not all
// arguments converted during string formatting", "not enough arguments for format string").
std::string percent_format(Runtime& rt, std::string_view fmt, const Value& args);

// str.format: {} {0} {name} {0.attr} {0[key]} {!r} {!s} {!a} {:spec} with nested {} in specs.
std::string str_format(Runtime& rt, std::string_view fmt, const CallArgs& args);

}  // namespace loopscope::script
