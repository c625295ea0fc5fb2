#pragma once

namespace loopscope::script {

class Runtime;

// Registers the native module `random` in the Runtime's native module registry: CPython's names
// and sequences (seed, random, uniform, randint, randrange, choice, choices, shuffle, sample,
// getrandbits, gauss, expovariate, and the Random class). Whoever builds the Runtime for a
// script calls it once.
void register_random_module(Runtime& rt);

}  // namespace loopscope::script
