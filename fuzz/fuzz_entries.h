#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

// The fuzz targets' bodies, kept apart from libFuzzer so that a plain (gcc) build can replay the
// inputs that once crashed them (fuzz/regressions/, run by the `fuzz_regressions` ctest).
// Each takes arbitrary bytes, must never crash, hang or leak, and returns nothing of interest:
// a bad script is an ordinary outcome (a SyntaxError, a traceback, a limit).
namespace loopscope::fuzz {

// The lexer and parser: parse_module on the bytes, then format_syntax_error on its error or
// dump_ast on its tree (both walk what the parser built).
void parse_bytes(std::string_view input);

// The parser and the compiler: parse, then compile_module to bytecode, never run.
void compile_bytes(std::string_view input);

// The whole interpreter: runs the bytes as __main__ with small limits (see ExecutionLimits in
// fuzz_entries.cpp), the virtual clock, output discarded and `import` confined to an empty
// directory.
void execute_bytes(std::string_view input);

}  // namespace loopscope::fuzz
