#pragma once

#include <string>

#include "script_hooks.h"

namespace loopscope::app {

// The ScriptRunner that runs a Python file on Loopscope's interpreter (core/script), on the
// engine's worker thread with the virtual clock: what it prints goes into the trace (the
// console shows it), its loops are streamed through ScriptHooks, and a stop request ends it
// within a few milliseconds even outside any loop (`while True: pass`). A non-zero exit code
// throws ScriptFailure with "line N: <the error's last line>".
ScriptRunner interpreter_script_runner();

// The message for a run that wrote `stderr_text` and ended with `exit_code`: the traceback's
// last line, prefixed with the last `File "<script>", line N` it names (the script's line that
// failed) and the column its carets point at: "line 5, column 9: ZeroDivisionError: ...".
// Empty when there is nothing to say. `line` receives N (0 when none).
std::string script_failure_message(const std::string& stderr_text, const std::string& script_path,
                                   int exit_code, int& line);

}  // namespace loopscope::app
