#pragma once

#include <string>

#include "script/objects/object.h"

namespace loopscope::script {

// CPython's full report of an exception: "Traceback (most recent call last):" ... and the last
// line "ValueError: boom", chained causes included. For asyncio's warnings ("Task exception was
// never retrieved") and the exception handler's "Exception in callback ..." reports.
std::string exception_report(Runtime& rt, const Value& exception);

}  // namespace loopscope::script
