// IdMap against std::unordered_map under random inserts, updates and erases.
#include "trace/id_map.h"

#include <gtest/gtest.h>

#include <random>
#include <unordered_map>

namespace loopscope::trace {
namespace {

TEST(IdMapTest, AgreesWithAnUnorderedMapUnderRandomChurn) {
    IdMap map;
    std::unordered_map<std::uint32_t, std::uint32_t> expected;
    std::mt19937 random(5);
    // Ids drawn from a window that slides upwards, as timers and tasks come and go.
    for (std::uint32_t step = 0; step < 200'000; ++step) {
        const std::uint32_t id = 1 + step / 4 + static_cast<std::uint32_t>(random() % 512);
        switch (random() % 3) {
            case 0:
                map.insert_or_assign(id, step);
                expected[id] = step;
                break;
            case 1:
                EXPECT_EQ(map.erase(id), expected.erase(id) == 1);
                break;
            default: {
                const auto it = expected.find(id);
                EXPECT_EQ(map.find(id), it == expected.end() ? IdMap::kMissing : it->second);
            }
        }
        ASSERT_EQ(map.size(), expected.size());
    }
    for (const auto& [id, value] : expected) {
        EXPECT_EQ(map.find(id), value);
    }
}

TEST(IdMapTest, EmptyAndClearedMapsFindNothing) {
    IdMap map;
    EXPECT_EQ(map.find(1), IdMap::kMissing);
    EXPECT_FALSE(map.erase(1));
    map.insert_or_assign(1, 10);
    EXPECT_EQ(map.find(1), 10u);
    const IdMap copy = map;
    map.clear();
    EXPECT_EQ(map.find(1), IdMap::kMissing);
    EXPECT_EQ(map.size(), 0u);
    EXPECT_EQ(copy.find(1), 10u);
}

}  // namespace
}  // namespace loopscope::trace
