// Lesson files: every bundled lesson reads cleanly, and the docstring forms Python allows.
#include "lesson/lesson_file.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "lesson/docstring.h"
#include "lesson/lesson_catalog.h"

namespace loopscope::lesson {
namespace {

std::filesystem::path lessons_dir() {
    return std::filesystem::path(LOOPSCOPE_TEST_DATA) / ".." / "lessons";
}

std::vector<std::filesystem::path> bundled_lessons() {
    std::vector<std::filesystem::path> found;
    for (const LessonEntry& entry : load_lesson_catalog(lessons_dir())) {
        found.push_back(entry.path);
    }
    return found;
}

std::string all_errors(const LessonFile& lesson) {
    std::string text;
    for (const SourceError& error : lesson.errors) {
        text += error.text() + "\n";
    }
    return text;
}

TEST(LessonFileTest, TheEighteenLessonsAreNumberedInOrder) {
    const std::vector<LessonEntry> catalog = load_lesson_catalog(lessons_dir());
    ASSERT_EQ(catalog.size(), 18u);
    for (std::size_t i = 0; i < catalog.size(); ++i) {
        EXPECT_EQ(catalog[i].number, static_cast<int>(i) + 1);
    }
    EXPECT_EQ(catalog.front().path.filename(), "01_hello_event_loop.py");
    EXPECT_EQ(catalog.back().lesson.title, "Looking inside");
    EXPECT_THROW(load_lesson_catalog(lessons_dir() / "no-such-folder"), std::runtime_error);
}

TEST(LessonFileTest, EveryLessonHasATitleTextAndCheckpoints) {
    for (const auto& path : bundled_lessons()) {
        SCOPED_TRACE(path.filename().string());
        const LessonFile lesson = load_lesson(path);
        EXPECT_TRUE(lesson.ok()) << all_errors(lesson);
        EXPECT_FALSE(lesson.title.empty());
        EXPECT_EQ(lesson.title.find('#'), std::string::npos);
        // The text the brief asks of every lesson: what is seen, what to watch, the takeaway
        // and an edit to try.
        for (const char* section :
             {"## What you will see", "## Watch", "## Takeaway", "## Try this"}) {
            EXPECT_NE(lesson.text.find(section), std::string::npos) << section;
        }
        EXPECT_GE(lesson.checkpoints.size(), 1u);
        for (const Checkpoint& checkpoint : lesson.checkpoints) {
            EXPECT_FALSE(checkpoint.question.empty()) << checkpoint.id;
            EXPECT_FALSE(checkpoint.answer.empty()) << checkpoint.id;
        }
    }
}

TEST(LessonFileTest, TheFirstLessonReadsAsWritten) {
    const LessonFile lesson = load_lesson(lessons_dir() / "01_hello_event_loop.py");
    ASSERT_TRUE(lesson.ok()) << all_errors(lesson);
    EXPECT_EQ(lesson.title, "Hello, event loop");
    EXPECT_EQ(lesson.docstring_first_line, 1);
    EXPECT_EQ(lesson.docstring_last_line, 34);
    EXPECT_EQ(lesson.text.substr(0, 30), "One coroutine counts down from");
    ASSERT_EQ(lesson.checkpoints.size(), 2u);
    const Checkpoint& first = lesson.checkpoints[0];
    EXPECT_EQ(first.id, "first-sleep");
    EXPECT_EQ(first.pause.kind, PauseKind::Line);
    EXPECT_EQ(first.check.kind, CheckKind::NextOutput);
    EXPECT_EQ(first.choices, (std::vector<std::string>{"3", "2", "Lift-off!"}));
    EXPECT_EQ(first.answer, "2");
    // The continuation line joins the explanation with one space.
    EXPECT_EQ(first.explanation,
              "The event loop wakes the task when the timer is due, and the `for` loop goes on "
              "to the next number.");
    const Checkpoint& second = lesson.checkpoints[1];
    EXPECT_EQ(second.pause.kind, PauseKind::Time);
    EXPECT_DOUBLE_EQ(second.pause.seconds, 1.5);
    EXPECT_EQ(second.check, (Check{CheckKind::Waiting, "timer"}));
}

TEST(LessonFileTest, ALinePauseNamesTheAwaitBelowItsBlock) {
    const LessonFile lesson = parse_lesson(
        "\"\"\"# T\n\ntext\n\"\"\"\n"
        "async def main():\n"
        "    # checkpoint: here\n"
        "    #   pause: line\n"
        "    #   ask: q?\n"
        "    #   check: next-output\n"
        "    #   answer: a\n"
        "\n"
        "    # a plain comment in between\n"
        "    await asyncio.sleep(1)\n");
    ASSERT_TRUE(lesson.ok()) << all_errors(lesson);
    ASSERT_EQ(lesson.checkpoints.size(), 1u);
    EXPECT_EQ(lesson.checkpoints[0].line, 6);
    EXPECT_EQ(lesson.checkpoints[0].pause.line, 13);
}

TEST(LessonFileTest, TitleAndTextSplitAtTheFirstLine) {
    const LessonFile lesson = parse_lesson(
        "#!/usr/bin/env python3\n# a comment before the docstring\n\n"
        "\"\"\"\n    # Indented title\n\n    Body line\n        code block\n\"\"\"\n"
        "# checkpoint: c\n#   pause: end\n#   ask: q\n#   check: outcome main\n#   answer: done\n");
    ASSERT_TRUE(lesson.ok()) << all_errors(lesson);
    EXPECT_EQ(lesson.title, "Indented title");
    EXPECT_EQ(lesson.text, "Body line\n    code block");
}

TEST(LessonFileTest, MissingDocstringTitleOrCheckpointsAreReported) {
    const LessonFile no_docstring = parse_lesson("import asyncio\n");
    ASSERT_EQ(no_docstring.errors.size(), 2u);
    EXPECT_EQ(no_docstring.errors[0].line, 1);
    EXPECT_NE(no_docstring.errors[0].message.find("module docstring"), std::string::npos);
    EXPECT_NE(no_docstring.errors[1].message.find("at least one checkpoint"), std::string::npos);

    const LessonFile no_title = parse_lesson("\n\n\"\"\"Just text\"\"\"\n");
    ASSERT_GE(no_title.errors.size(), 1u);
    EXPECT_EQ(no_title.errors[0].text(),
              "line 3: the docstring's first line must be the title, written `# Title` (a "
              "Markdown heading)");

    const LessonFile unterminated = parse_lesson("x = 1\n\"\"\"# T\n");
    ASSERT_GE(unterminated.errors.size(), 1u);
    EXPECT_NE(unterminated.errors[0].message.find("module docstring"), std::string::npos);

    const LessonFile open_literal = parse_lesson("\n\"\"\"# T\nnever closed\n");
    ASSERT_GE(open_literal.errors.size(), 1u);
    EXPECT_EQ(open_literal.errors[0].text(),
              "line 2: the docstring is never closed (unterminated string literal)");
}

TEST(DocstringTest, EscapesAreDecodedOutsideRawLiterals) {
    std::optional<SourceError> error;
    auto text = [&](std::string_view source) {
        const auto docstring = module_docstring(source, error);
        EXPECT_FALSE(error) << (error ? error->text() : "");
        return docstring ? docstring->text : "<none>";
    };
    EXPECT_EQ(text(R"("""a\nb\\c\"d\x41\u00e9\101""")"),
              "a\nb\\c\"dA\xC3\xA9"
              "A");
    EXPECT_EQ(text(R"(r"""a\tb\"""")"), R"(a\tb\")");
    EXPECT_EQ(text("'''one \\\ntwo'''"), "one two");
    EXPECT_EQ(text(R"('single' "joined")"), "singlejoined");
    EXPECT_EQ(text(R"(u"unicode \q kept")"), R"(unicode \q kept)");
    EXPECT_EQ(text("\"\"\"crlf\r\nline\"\"\""), "crlf\nline");
    EXPECT_EQ(text("import asyncio\n\"\"\"not a docstring\"\"\""), "<none>");
}

TEST(DocstringTest, BytesAndFStringsAreNotDocstrings) {
    std::optional<SourceError> error;
    EXPECT_FALSE(module_docstring("b'''x'''", error));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->text(), "line 1: the docstring must be a plain string literal (no b prefix)");
    EXPECT_FALSE(module_docstring("\nf'x'", error));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->line, 2);
}

TEST(DocstringTest, CleanDocIndentsLikeInspect) {
    EXPECT_EQ(clean_docstring("  first\n    a\n      b\n\n"), "first\na\n  b");
    EXPECT_EQ(clean_docstring("\n\tx\n"), "x");
}

}  // namespace
}  // namespace loopscope::lesson
