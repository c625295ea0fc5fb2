#pragma once

namespace loopscope::script {

class Runtime;

// Registers the native modules of this folder with the Runtime (asyncio, time, sys, math,
// random), to be imported by scripts. Whoever makes a Runtime to run scripts calls it
// (loopscope-run, the app, tests).
void register_script_modules(Runtime& rt);

}  // namespace loopscope::script
