#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "script/objects/object.h"

namespace loopscope::script {
class Runtime;
}

namespace loopscope::script::vm {

// CPython 3.12's "Did you mean" for a wrong name (Lib/traceback.py, _compute_suggestion_error):
// the candidate closest to `wrong` by a Levenshtein distance where a case change costs 1 and
// any other edit 2, within a third of the characters involved; ties go to the earlier
// candidate. None when nothing is close, or there are over 750 candidates or `wrong` is
// longer than 40 characters.
std::optional<std::string> closest_name(std::string_view wrong,
                                        const std::vector<std::string>& candidates);

// The text CPython's traceback appends to the message of an uncaught NameError, AttributeError
// or ImportError (". Did you mean: 'print'?", ". Did you forget to import 'asyncio'"), or ""
// when it appends none. A NameError's candidates are the globals of the module that raised it
// (`filename`, the innermost traceback entry's) and the builtins; an AttributeError's, the
// names of its `obj` (dir(obj)); an ImportError's of `from module import name`, the names of
// the module.
std::string suggestion_for(Runtime& rt, const Value& exception, const std::string& filename);

}  // namespace loopscope::script::vm
