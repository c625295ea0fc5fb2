#include "trace/string_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace loopscope::trace {
namespace {

TEST(StringTableTest, SameTextSameLabelDifferentTextNewLabelInOrder) {
    StringTable table;
    EXPECT_EQ(table.size(), 0u);
    const Label main = table.intern("main");
    const Label worker = table.intern("worker");
    EXPECT_EQ(main, 0u);
    EXPECT_EQ(worker, 1u);
    EXPECT_EQ(table.intern("main"), main);
    EXPECT_EQ(table.intern(std::string("wor") + "ker"), worker);
    EXPECT_EQ(table.text(main), "main");
    EXPECT_EQ(table.size(), 2u);
}

// A hundred thousand task names make the table grow many times: every label still finds its
// text, every text its label, and views taken before the growth still read the same text.
TEST(StringTableTest, LabelsAndTextsSurviveGrowth) {
    StringTable table;
    const std::string_view first = table.text(table.intern("Task-0"));
    std::vector<Label> labels;
    for (int i = 0; i < 100'000; ++i) {
        labels.push_back(table.intern("Task-" + std::to_string(i)));
    }
    EXPECT_EQ(table.size(), 100'000u);  // Task-0 .. Task-99999, Task-0 once
    for (int i = 0; i < 100'000; i += 997) {
        const std::string name = "Task-" + std::to_string(i);
        EXPECT_EQ(table.text(labels[static_cast<std::size_t>(i)]), name);
        EXPECT_EQ(table.intern(name), labels[static_cast<std::size_t>(i)]);
    }
    EXPECT_EQ(first, "Task-0");
}

}  // namespace
}  // namespace loopscope::trace
