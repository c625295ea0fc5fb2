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

// A hundred thousand strings make the hash table grow many times: every label still finds its
// text, every text its label, and views taken before the growth still read the same text.
TEST(StringTableTest, LabelsAndTextsSurviveGrowth) {
    StringTable table;
    const std::string_view first = table.text(table.intern("coro-0"));
    std::vector<Label> labels;
    for (int i = 0; i < 100'000; ++i) {
        labels.push_back(table.intern("coro-" + std::to_string(i)));
    }
    EXPECT_EQ(table.size(), 100'000u);  // coro-0 .. coro-99999, coro-0 once
    for (int i = 0; i < 100'000; i += 997) {
        const std::string name = "coro-" + std::to_string(i);
        EXPECT_EQ(table.text(labels[static_cast<std::size_t>(i)]), name);
        EXPECT_EQ(table.intern(name), labels[static_cast<std::size_t>(i)]);
    }
    EXPECT_EQ(first, "coro-0");
}

// The same, for task names, which are found by number: interned as text or by number, in
// any order, each "Task-N" has one label, labels count up in order of arrival, and each reads
// back as the text std::to_string would write.
TEST(StringTableTest, TaskNamesByNumberOrByTextShareOneLabelInOrder) {
    StringTable table;
    EXPECT_EQ(table.intern(""), 0u);
    const Label first = table.intern_task_name(0);
    std::vector<Label> labels;
    for (std::uint32_t n = 0; n < 100'000; ++n) {
        labels.push_back(n % 3 == 0 ? table.intern("Task-" + std::to_string(n))
                                    : table.intern_task_name(n));
        EXPECT_EQ(labels.back(), n + 1);
    }
    EXPECT_EQ(table.size(), 100'001u);  // "", Task-0 .. Task-99999
    EXPECT_EQ(first, labels[0]);
    for (std::uint32_t n = 0; n < 100'000; n += 997) {
        const std::string name = "Task-" + std::to_string(n);
        EXPECT_EQ(table.text(labels[n]), name);
        EXPECT_EQ(table.intern(name), labels[n]);
        EXPECT_EQ(table.intern_task_name(n), labels[n]);
    }
    EXPECT_EQ(table.text(0), "");
}

// Every label reads back its own text, task names among other strings, whether or not the
// task name was read before.
TEST(StringTableTest, EveryLabelReadsBackItsText) {
    StringTable table;
    std::vector<std::string> texts;
    auto add = [&](Label label, std::string text) {
        ASSERT_EQ(label, texts.size());
        texts.push_back(std::move(text));
    };
    add(table.intern_task_name(7), "Task-7");  // a task name at label 0 of a bare table
    add(table.intern("main"), "main");
    add(table.intern(""), "");
    add(table.intern_task_name(4'294'967'295u), "Task-4294967295");
    add(table.intern_task_name(1u << 24), "Task-16777216");
    add(table.intern_task_name(4096), "Task-4096");
    add(table.intern("Task-16777217"), "Task-16777217");
    EXPECT_EQ(table.text(5), "Task-4096");  // read once before the others
    EXPECT_EQ(table.intern_task_name(7), 0u);
    EXPECT_EQ(table.intern("Task-7"), 0u);
    EXPECT_EQ(table.intern("Task-4294967295"), 3u);
    EXPECT_EQ(table.intern_task_name(16'777'217), 6u);
    EXPECT_EQ(table.size(), texts.size());
    for (std::size_t label = 0; label < texts.size(); ++label) {
        EXPECT_EQ(table.text(static_cast<Label>(label)), texts[label]) << label;
    }
}

// Only what std::to_string writes is a task number: other texts that start like a task name
// are strings of their own.
TEST(StringTableTest, TextsThatOnlyLookLikeTaskNamesAreTheirOwn) {
    StringTable table;
    const Label three = table.intern_task_name(3);
    const std::vector<std::string> others = {"Task-03", "Task-",   "Task-+3", "Task--3",
                                             "Task-3 ", "Task-3x", "task-3",  "Task-99999999999",
                                             "Task-0x3"};
    std::vector<Label> labels;
    for (const std::string& text : others) {
        labels.push_back(table.intern(text));
        EXPECT_NE(labels.back(), three) << text;
    }
    for (std::size_t i = 0; i < others.size(); ++i) {
        EXPECT_EQ(table.text(labels[i]), others[i]);
        EXPECT_EQ(table.intern(others[i]), labels[i]);
    }
    EXPECT_EQ(table.size(), others.size() + 1);
    EXPECT_EQ(table.text(three), "Task-3");
}

// The last text interned is remembered by content, not by where it lives: a caller that
// rewrites one buffer between calls gets the label of what the buffer holds now.
TEST(StringTableTest, TheSameBufferWithOtherTextIsAnotherString) {
    StringTable table;
    std::string buffer = "child";
    const Label child = table.intern(buffer);
    EXPECT_EQ(table.intern(buffer), child);
    buffer[0] = 'w';
    const Label whild = table.intern(buffer);
    EXPECT_NE(whild, child);
    EXPECT_EQ(table.text(whild), "whild");
    buffer = "child";
    EXPECT_EQ(table.intern(buffer), child);
    EXPECT_EQ(table.intern(std::string_view()), table.intern(""));
    EXPECT_EQ(table.text(table.intern("")), "");
}

}  // namespace
}  // namespace loopscope::trace
