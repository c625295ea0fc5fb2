// fuzz_replay TARGET FILE...: runs each file through one fuzz target's entry (parse, compile or
// execute) without libFuzzer, so the inputs of fuzz/regressions/ replay in every build (gcc
// included). A crash, a sanitizer report or a hang fails the ctest; surviving them all prints
// how many inputs ran and exits 0.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "fuzz_entries.h"

namespace {

using Entry = void (*)(std::string_view);

Entry entry_named(std::string_view name) {
    if (name == "parse") {
        return loopscope::fuzz::parse_bytes;
    }
    if (name == "compile") {
        return loopscope::fuzz::compile_bytes;
    }
    if (name == "execute") {
        return loopscope::fuzz::execute_bytes;
    }
    return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
    const Entry entry = argc >= 2 ? entry_named(argv[1]) : nullptr;
    if (entry == nullptr) {
        std::fprintf(stderr, "usage: fuzz_replay parse|compile|execute FILE...\n");
        return 2;
    }
    for (int i = 2; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "fuzz_replay: cannot read %s\n", argv[i]);
            return 2;
        }
        const std::string input{std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>()};
        std::fprintf(stderr, "fuzz_replay %s: %s\n", argv[1], argv[i]);
        entry(input);
    }
    std::printf("fuzz_replay %s: %d inputs ran\n", argv[1], argc - 2);
    return 0;
}
