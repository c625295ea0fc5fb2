// libFuzzer target: fuzz::parse_bytes (fuzz_entries.h) on every input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    loopscope::fuzz::parse_bytes(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
