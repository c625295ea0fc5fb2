// Checkpoint blocks: the fields as written, and a clear error (with its line) for each
// way a block can be malformed.
#include "lesson/checkpoint.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace loopscope::lesson {
namespace {

std::vector<std::string> error_texts(const CheckpointParse& parsed) {
    std::vector<std::string> texts;
    for (const SourceError& error : parsed.errors) {
        texts.push_back(error.text());
    }
    return texts;
}

// One error from a block of fields placed at line 2 of a small source.
std::string only_error(const std::string& fields, const std::string& code = "x = 1\n") {
    const CheckpointParse parsed =
        parse_checkpoints("import asyncio\n# checkpoint: c\n" + fields + code);
    EXPECT_TRUE(parsed.checkpoints.empty());
    EXPECT_EQ(parsed.errors.size(), 1u);
    return parsed.errors.empty() ? "" : parsed.errors[0].text();
}

TEST(CheckpointTest, EveryFieldIsRead) {
    const CheckpointParse parsed = parse_checkpoints(
        "# checkpoint: order_1\n"
        "#   pause: time 2.5\n"
        "#   ask: Which\n"
        "#     comes first?\n"
        "#   check: output-order\n"
        "#   choices: b | a\n"
        "#   answer: a | b\n"
        "#   explain: Because.\n"
        "x = 1\n");
    ASSERT_TRUE(parsed.errors.empty()) << error_texts(parsed)[0];
    ASSERT_EQ(parsed.checkpoints.size(), 1u);
    const Checkpoint& checkpoint = parsed.checkpoints[0];
    EXPECT_EQ(checkpoint.id, "order_1");
    EXPECT_EQ(checkpoint.line, 1);
    EXPECT_EQ(checkpoint.pause, (Pause{PauseKind::Time, 0, 2.5, ""}));
    EXPECT_EQ(checkpoint.question, "Which comes first?");
    EXPECT_EQ(checkpoint.check, (Check{CheckKind::OutputOrder, ""}));
    EXPECT_EQ(checkpoint.choices, (std::vector<std::string>{"b", "a"}));
    EXPECT_EQ(checkpoint.answer, "a | b");
    EXPECT_EQ(checkpoint.explanation, "Because.");
}

TEST(CheckpointTest, EveryPauseAndCheckKindParses) {
    const CheckpointParse parsed = parse_checkpoints(
        "# checkpoint: a\n#   pause: wait worker-1\n#   ask: ?\n#   check: next-step\n"
        "#   answer: worker-2\n"
        "#\n"
        "# checkpoint: b\n#   pause: output main: started\n#   ask: ?\n"
        "#   check: number took about\n#   answer: 25\n"
        "#\n"
        "# checkpoint: c\n#   pause: end\n#   ask: ?\n#   check: tasks alive\n#   answer: 0\n"
        "#\n"
        "# checkpoint: d\n#   pause: end\n#   ask: ?\n#   check: waiting task-group\n"
        "#   answer: 1\n"
        "# checkpoint: e\n#   pause: end\n#   ask: ?\n#   check: outcome backup\n"
        "#   choices: done | cancelled\n#   answer: cancelled\n");
    ASSERT_TRUE(parsed.errors.empty()) << error_texts(parsed)[0];
    ASSERT_EQ(parsed.checkpoints.size(), 5u);
    EXPECT_EQ(parsed.checkpoints[0].pause, (Pause{PauseKind::TaskWaits, 0, 0, "worker-1"}));
    EXPECT_EQ(parsed.checkpoints[0].check.kind, CheckKind::NextStep);
    EXPECT_EQ(parsed.checkpoints[1].pause, (Pause{PauseKind::Output, 0, 0, "main: started"}));
    EXPECT_EQ(parsed.checkpoints[1].check, (Check{CheckKind::Number, "took about"}));
    EXPECT_EQ(parsed.checkpoints[2].check, (Check{CheckKind::Tasks, "alive"}));
    EXPECT_EQ(parsed.checkpoints[3].check, (Check{CheckKind::Waiting, "task-group"}));
    EXPECT_EQ(parsed.checkpoints[4].line, 24);
    EXPECT_EQ(parsed.checkpoints[4].check, (Check{CheckKind::Outcome, "backup"}));
}

TEST(CheckpointTest, CommentsInsideStringsAreNotCheckpoints) {
    const CheckpointParse parsed = parse_checkpoints(
        "\"\"\"# Title\n# checkpoint: in-docstring\n#   pause: oops\n\"\"\"\n"
        "text = '# checkpoint: in-a-string'\n");
    EXPECT_TRUE(parsed.checkpoints.empty());
    EXPECT_TRUE(parsed.errors.empty());
}

TEST(CheckpointTest, ALessIndentedCommentEndsTheBlock) {
    const CheckpointParse parsed = parse_checkpoints(
        "# checkpoint: c\n#   pause: end\n#   ask: q\n#   check: tasks done\n#   answer: 1\n"
        "# An ordinary comment: not a field.\nx = 1\n");
    EXPECT_TRUE(parsed.errors.empty());
    EXPECT_EQ(parsed.checkpoints.size(), 1u);
}

TEST(CheckpointTest, MissingFieldsNameTheHeaderLine) {
    EXPECT_EQ(only_error("#   pause: end\n#   ask: q\n#   answer: 1\n"),
              "line 2: checkpoint 'c': missing `check:`");
    EXPECT_EQ(only_error(""),
              "line 2: checkpoint 'c': no fields below the header (pause, ask, "
              "check, answer)");
}

TEST(CheckpointTest, UnknownAndRepeatedFieldsNameTheirLine) {
    EXPECT_EQ(only_error("#   pause: end\n#   question: q\n"),
              "line 4: checkpoint 'c': unknown field 'question' (a field is one of pause, ask, "
              "check, choices, answer, explain, written `#   name: value`)");
    EXPECT_EQ(only_error("#   pause: end\n#   pause: end\n#   ask: q\n#   check: tasks done\n"
                         "#   answer: 1\n"),
              "line 4: checkpoint 'c': field 'pause' given twice");
}

TEST(CheckpointTest, MalformedPausesAreExplained) {
    const std::string rest = "#   ask: q\n#   check: tasks done\n#   answer: 1\n";
    EXPECT_EQ(only_error("#   pause: soon\n" + rest),
              "line 3: checkpoint 'c': unknown pause 'soon' (expected line, time SECONDS, wait "
              "TASK, output TEXT or end)");
    EXPECT_EQ(only_error("#   pause: time soon\n" + rest),
              "line 3: checkpoint 'c': `pause: time` needs loop time in seconds, as in `pause: "
              "time 2.5`");
    EXPECT_EQ(only_error("#   pause: wait\n" + rest),
              "line 3: checkpoint 'c': `pause: wait` needs a task name, as in `pause: wait "
              "backup`");
    EXPECT_EQ(only_error("#   pause: line\n" + rest, "print('done')\n"),
              "line 3: checkpoint 'c': `pause: line` pauses when a task first suspends at line 7, "
              "but that line does not await (no await, async with or async for)");
    EXPECT_EQ(only_error("#   pause: line\n" + rest, ""),
              "line 3: checkpoint 'c': `pause: line` needs a line of code below the checkpoint");
}

TEST(CheckpointTest, MalformedChecksAreExplained) {
    const auto with_check = [](const std::string& check, const std::string& answer = "1") {
        return only_error("#   pause: end\n#   ask: q\n#   check: " + check +
                          "\n#   answer: " + answer + "\n");
    };
    EXPECT_EQ(with_check("who-knows"),
              "line 5: checkpoint 'c': unknown check 'who-knows' (expected next-output, "
              "next-step, waiting KIND, tasks STATUS, outcome TASK, output-order or number "
              "PREFIX)");
    EXPECT_EQ(with_check("waiting bus"),
              "line 5: checkpoint 'c': `check: waiting` needs what the tasks wait on, one of "
              "future, timer, task, gather, task-group, lock, semaphore, event, condition, "
              "queue, executor-job, shield, wait");
    EXPECT_EQ(with_check("tasks sleeping"),
              "line 5: checkpoint 'c': `check: tasks` needs a status: created, ready, running, "
              "waiting, done, cancelled, failed or alive");
    EXPECT_EQ(with_check("next-output please"),
              "line 5: checkpoint 'c': `check: next-output` takes nothing after it");
    EXPECT_EQ(with_check("outcome"),
              "line 5: checkpoint 'c': `check: outcome` needs a task name, as in `check: outcome "
              "backup`");
}

TEST(CheckpointTest, AnswersMustFitTheirCheck) {
    const auto with = [](const std::string& check, const std::string& answer,
                         const std::string& choices = "") {
        return only_error("#   pause: end\n#   ask: q\n#   check: " + check + "\n" + choices +
                          "#   answer: " + answer + "\n");
    };
    EXPECT_EQ(with("waiting timer", "three"),
              "line 6: checkpoint 'c': the answer to a `waiting` check is a count of tasks, not "
              "'three'");
    EXPECT_EQ(with("number took", "many"),
              "line 6: checkpoint 'c': the answer to a `number` check is a number, not 'many'");
    EXPECT_EQ(with("outcome main", "finished"),
              "line 6: checkpoint 'c': the answer to an `outcome` check is done, cancelled, "
              "failed or unfinished, not 'finished'");
    EXPECT_EQ(with("next-output", "c", "#   choices: a | b\n"),
              "line 7: checkpoint 'c': the answer 'c' is not one of the choices");
    EXPECT_EQ(with("output-order", "a | b", "#   choices: a\n"),
              "line 7: checkpoint 'c': an `output-order` check needs at least two `choices:` to "
              "put in order");
    EXPECT_EQ(with("output-order", "a | c", "#   choices: a | b\n"),
              "line 7: checkpoint 'c': the answer to an `output-order` check lists every choice "
              "once, in order, separated by ' | '");
    EXPECT_EQ(with("next-output", "a", "#   choices: a | | b\n"),
              "line 6: checkpoint 'c': an empty choice (choices are separated by ' | ')");
}

TEST(CheckpointTest, IdsMustBeWordsAndUnique) {
    const CheckpointParse parsed = parse_checkpoints(
        "# checkpoint: same\n#   pause: end\n#   ask: q\n#   check: tasks done\n#   answer: 1\n"
        "#\n"
        "# checkpoint: same\n#   pause: end\n#   ask: q\n#   check: tasks done\n#   answer: 1\n"
        "#\n"
        "# checkpoint: two words\n#   pause: end\n#   ask: q\n#   check: tasks done\n"
        "#   answer: 1\n");
    EXPECT_EQ(parsed.checkpoints.size(), 1u);
    EXPECT_EQ(error_texts(parsed),
              (std::vector<std::string>{
                  "line 7: checkpoint 'same': this id is already used by another checkpoint",
                  "line 13: checkpoint 'two words': an id is letters, digits, '-' and '_', as in "
                  "`# checkpoint: gather-start`"}));
}

TEST(CheckpointTest, AMalformedBlockDoesNotHideTheNextOne) {
    const CheckpointParse parsed = parse_checkpoints(
        "# checkpoint: bad\n#   pause: never\n#   ask: q\n#   check: tasks done\n#   answer: 1\n"
        "# checkpoint: good\n#   pause: end\n#   ask: q\n#   check: tasks done\n#   answer: 1\n");
    ASSERT_EQ(parsed.checkpoints.size(), 1u);
    EXPECT_EQ(parsed.checkpoints[0].id, "good");
    ASSERT_EQ(parsed.errors.size(), 1u);
    EXPECT_EQ(parsed.errors[0].line, 2);
}

}  // namespace
}  // namespace loopscope::lesson
