#include "script/modules/exception_text.h"

#include "script/vm/traceback.h"

namespace loopscope::script {

std::string exception_report(Runtime& rt, const Value& exception) {
    return vm::format_exception(rt, exception);
}

}  // namespace loopscope::script
