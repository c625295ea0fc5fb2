#include "script/modules/random_engine.h"

#include <nettle/sha2.h>

#include <random>

namespace loopscope::script {

namespace {

constexpr int kShift = 397;  // MT19937's M
constexpr std::uint32_t kMatrixA = 0x9908b0dfU;
constexpr std::uint32_t kUpperMask = 0x80000000U;
constexpr std::uint32_t kLowerMask = 0x7fffffffU;

}  // namespace

RandomEngine::RandomEngine() {
    seed_int(0);
}

void RandomEngine::init_genrand(std::uint32_t s) {
    state_[0] = s;
    for (int i = 1; i < kStateSize; ++i) {
        const std::uint32_t prev = state_[static_cast<std::size_t>(i - 1)];
        state_[static_cast<std::size_t>(i)] =
            1812433253U * (prev ^ (prev >> 30)) + static_cast<std::uint32_t>(i);
    }
    index_ = kStateSize;
}

void RandomEngine::seed_words(std::span<const std::uint32_t> key) {
    static constexpr std::uint32_t kZero[1] = {0};
    if (key.empty()) {
        key = kZero;
    }
    init_genrand(19650218U);
    std::size_t i = 1;
    std::size_t j = 0;
    const std::size_t n = kStateSize;
    for (std::size_t k = n > key.size() ? n : key.size(); k > 0; --k) {
        const std::uint32_t prev = state_[i - 1];
        state_[i] = (state_[i] ^ ((prev ^ (prev >> 30)) * 1664525U)) + key[j] +
                    static_cast<std::uint32_t>(j);
        ++i;
        ++j;
        if (i >= n) {
            state_[0] = state_[n - 1];
            i = 1;
        }
        if (j >= key.size()) {
            j = 0;
        }
    }
    for (std::size_t k = n - 1; k > 0; --k) {
        const std::uint32_t prev = state_[i - 1];
        state_[i] =
            (state_[i] ^ ((prev ^ (prev >> 30)) * 1566083941U)) - static_cast<std::uint32_t>(i);
        ++i;
        if (i >= n) {
            state_[0] = state_[n - 1];
            i = 1;
        }
    }
    state_[0] = 0x80000000U;  // MSB is 1, assuring a non-zero initial array
}

void RandomEngine::seed_unsigned(std::uint64_t magnitude) {
    const auto low = static_cast<std::uint32_t>(magnitude);
    const auto high = static_cast<std::uint32_t>(magnitude >> 32);
    const std::uint32_t key[2] = {low, high};
    seed_words(std::span<const std::uint32_t>(key, high != 0 ? 2 : 1));
}

void RandomEngine::seed_int(std::int64_t n) {
    // |INT64_MIN| = 2^63 still fits the unsigned magnitude.
    const std::uint64_t magnitude =
        n < 0 ? ~static_cast<std::uint64_t>(n) + 1 : static_cast<std::uint64_t>(n);
    seed_unsigned(magnitude);
}

void RandomEngine::seed_string(std::string_view utf8) {
    std::vector<std::uint8_t> bytes(utf8.begin(), utf8.end());
    sha512_ctx context;
    sha512_init(&context);
    sha512_update(&context, bytes.size(), bytes.data());
    std::uint8_t digest[SHA512_DIGEST_SIZE];
    sha512_digest(&context, SHA512_DIGEST_SIZE, digest);
    bytes.insert(bytes.end(), digest, digest + SHA512_DIGEST_SIZE);
    const std::vector<std::uint32_t> key = words_from_big_endian(bytes);
    seed_words(key);
}

void RandomEngine::seed_from_entropy() {
    // CPython reads a whole state's worth of words from urandom.
    std::random_device device;
    std::vector<std::uint32_t> key(kStateSize);
    for (std::uint32_t& word : key) {
        word = device();
    }
    seed_words(key);
}

std::uint32_t RandomEngine::next_uint32() {
    static constexpr std::uint32_t kMag01[2] = {0x0U, kMatrixA};
    if (index_ >= kStateSize) {
        int kk = 0;
        std::uint32_t y = 0;
        for (; kk < kStateSize - kShift; ++kk) {
            y = (state_[static_cast<std::size_t>(kk)] & kUpperMask) |
                (state_[static_cast<std::size_t>(kk + 1)] & kLowerMask);
            state_[static_cast<std::size_t>(kk)] =
                state_[static_cast<std::size_t>(kk + kShift)] ^ (y >> 1) ^ kMag01[y & 0x1U];
        }
        for (; kk < kStateSize - 1; ++kk) {
            y = (state_[static_cast<std::size_t>(kk)] & kUpperMask) |
                (state_[static_cast<std::size_t>(kk + 1)] & kLowerMask);
            state_[static_cast<std::size_t>(kk)] =
                state_[static_cast<std::size_t>(kk + (kShift - kStateSize))] ^ (y >> 1) ^
                kMag01[y & 0x1U];
        }
        y = (state_[kStateSize - 1] & kUpperMask) | (state_[0] & kLowerMask);
        state_[kStateSize - 1] = state_[kShift - 1] ^ (y >> 1) ^ kMag01[y & 0x1U];
        index_ = 0;
    }
    std::uint32_t y = state_[static_cast<std::size_t>(index_++)];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

double RandomEngine::random() {
    const std::uint32_t a = next_uint32() >> 5;
    const std::uint32_t b = next_uint32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

std::uint64_t RandomEngine::getrandbits(int k) {
    if (k <= 0) {
        return 0;
    }
    if (k <= 32) {
        return next_uint32() >> (32 - k);
    }
    std::uint64_t result = next_uint32();
    std::uint32_t high = next_uint32();
    if (k < 64) {
        high >>= (64 - k);
    }
    return result | (static_cast<std::uint64_t>(high) << 32);
}

std::vector<std::uint32_t> words_from_big_endian(std::span<const std::uint8_t> bytes) {
    std::vector<std::uint32_t> words;
    std::size_t end = bytes.size();
    while (end > 0) {
        const std::size_t begin = end >= 4 ? end - 4 : 0;
        std::uint32_t word = 0;
        for (std::size_t i = begin; i < end; ++i) {
            word = (word << 8) | bytes[i];
        }
        words.push_back(word);
        end = begin;
    }
    while (!words.empty() && words.back() == 0) {
        words.pop_back();
    }
    return words;
}

}  // namespace loopscope::script
