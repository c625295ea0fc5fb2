// Float repr, format specs and %-formatting against CPython 3.12's recorded output
// (cpython/record_format.py → expected/format.txt).

#include "core/script/objects/format.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "core/script/objects/errors.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/str.h"

namespace loopscope::script {
namespace {

struct FormatCase {
    std::string kind, type, value, spec, expected;
};

std::vector<FormatCase> load_cases() {
    std::ifstream file(std::string(LOOPSCOPE_TEST_DATA) + "/objects/expected/format.txt");
    std::vector<FormatCase> cases;
    std::string line;
    while (std::getline(file, line)) {
        std::vector<std::string> fields;
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos;
             start = tab + 1) {
            fields.push_back(line.substr(start, tab - start));
        }
        fields.push_back(line.substr(start));
        if (fields.size() == 5) {
            cases.push_back({fields[0], fields[1], fields[2], fields[3], fields[4]});
        }
    }
    return cases;
}

Value parse_value(Runtime& rt, const FormatCase& c) {
    if (c.type == "i") {
        return Value::integer(std::stoll(c.value));
    }
    if (c.type == "f") {
        return Value::floating(std::strtod(c.value.c_str(), nullptr));
    }
    return make_str(rt, c.value);
}

std::string run(Runtime& rt, const FormatCase& c) {
    try {
        const Value value = parse_value(rt, c);
        if (c.kind == "repr") {
            return repr(rt, value);
        }
        if (c.kind == "format") {
            return format(rt, value, c.spec);
        }
        return percent_format(rt, c.spec, value);
    } catch (const ScriptError& error) {
        return "!" + exception_summary(rt, error.exception);
    }
}

TEST(FormatTest, MatchesCPython) {
    Runtime rt;
    const std::vector<FormatCase> cases = load_cases();
    ASSERT_GT(cases.size(), 1000u);
    int failures = 0;
    for (const FormatCase& c : cases) {
        const std::string actual = run(rt, c);
        if (actual != c.expected) {
            ++failures;
            ADD_FAILURE() << c.kind << " " << c.type << ":" << c.value << " spec '" << c.spec
                          << "': expected '" << c.expected << "', got '" << actual << "'";
            if (failures > 60) {
                return;
            }
        }
    }
}

}  // namespace
}  // namespace loopscope::script
