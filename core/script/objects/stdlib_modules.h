#pragma once

namespace loopscope::script {

class Runtime;

// Small pure-Python-library modules that scripts commonly import, registered by the Runtime's
// constructor as native modules: typing (names only), functools (partial, reduce, wraps),
// collections (deque, defaultdict). Other layers may register replacements.
void register_typing_module(Runtime& rt);
void register_functools_module(Runtime& rt);
void register_collections_module(Runtime& rt);

}  // namespace loopscope::script
