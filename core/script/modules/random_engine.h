#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace loopscope::script {

// CPython's random number generator, bit for bit (Modules/_randommodule.c): the Mersenne
// Twister MT19937 with CPython's seeding, so that `random.seed(42); random.random()` prints the
// same number in Loopscope as in CPython. Independent of the object model; random_module.cpp
// binds it to Python.
class RandomEngine {
public:
    // Seeded like CPython's random.seed(0) until told otherwise.
    RandomEngine();

    // init_by_array: the key words, least significant first (an empty key counts as {0}).
    void seed_words(std::span<const std::uint32_t> key);
    // random.seed(n) for an int: the absolute value, split into 32-bit words.
    void seed_int(std::int64_t n);
    // random.seed(n) for a non-negative integer too big for int64 (a float's hash as size_t).
    void seed_unsigned(std::uint64_t magnitude);
    // random.seed(s) for a str, version 2: the UTF-8 bytes followed by their SHA-512 digest,
    // read as one big-endian integer.
    void seed_string(std::string_view utf8);
    // random.seed(None): from the operating system's entropy.
    void seed_from_entropy();

    // genrand_uint32: the next 32 random bits.
    std::uint32_t next_uint32();
    // random.random(): a double in [0, 1) with 53 random bits (genrand_res53).
    double random();
    // random.getrandbits(k) for 0 <= k <= 64: words drawn least significant first, the last one
    // keeping its most significant bits, as CPython builds a long integer.
    std::uint64_t getrandbits(int k);

private:
    static constexpr int kStateSize = 624;
    void init_genrand(std::uint32_t s);

    std::array<std::uint32_t, kStateSize> state_{};
    int index_ = kStateSize + 1;
};

// The 32-bit words of a big-endian unsigned integer, least significant first, without leading
// zero words (CPython uses exactly the integer's bit length).
std::vector<std::uint32_t> words_from_big_endian(std::span<const std::uint8_t> bytes);

}  // namespace loopscope::script
