#include "lesson/checkpoint.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "lesson/checkpoint_values.h"
#include "lesson/source_lines.h"

namespace loopscope::lesson {
namespace {

constexpr std::string_view kHeader = "checkpoint:";
constexpr std::array<std::string_view, 6> kFields = {"pause",   "ask",    "check",
                                                     "choices", "answer", "explain"};

std::string_view trim_left(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t");
    return first == std::string_view::npos ? std::string_view{} : text.substr(first);
}

// A field's text and the line it starts on.
struct Field {
    std::string value;
    int line = 0;
};

// One `# checkpoint:` block as written, before its fields are understood.
struct Block {
    std::string id;
    int line = 0;
    std::map<std::string, Field, std::less<>> fields;
    std::size_t end = 0;  // index of the first line after the block
};

bool starts_with_word(std::string_view text, std::string_view word) {
    if (text.substr(0, word.size()) != word) {
        return false;
    }
    return text.size() == word.size() ||
           !(std::isalnum(static_cast<unsigned char>(text[word.size()])) ||
             text[word.size()] == '_');
}

bool contains_word(std::string_view text, std::string_view word) {
    for (std::size_t at = text.find(word); at != std::string_view::npos;
         at = text.find(word, at + 1)) {
        const bool starts = at == 0 || !(std::isalnum(static_cast<unsigned char>(text[at - 1])) ||
                                         text[at - 1] == '_');
        if (starts && starts_with_word(text.substr(at), word)) {
            return true;
        }
    }
    return false;
}

// Reads the fields of the block whose header is lines[header]. Field lines share one
// indentation after the `#`; deeper lines continue the field above; a line indented less, a
// bare `#`, another header or a non-comment line ends the block.
std::optional<Block> read_block(const std::vector<SourceLine>& lines, std::size_t header,
                                std::vector<SourceError>& errors) {
    Block block;
    block.line = lines[header].number;
    block.id = std::string(trim(trim_left(lines[header].comment).substr(kHeader.size())));
    std::optional<std::size_t> field_indent;
    std::string last_field;
    std::size_t at = header + 1;
    bool malformed = false;
    for (; at < lines.size() && lines[at].comment_only; ++at) {
        const std::string_view comment = lines[at].comment;
        const std::string_view body = trim(comment);
        if (body.empty() || body.substr(0, kHeader.size()) == kHeader) {
            break;
        }
        const std::size_t indent = comment.size() - trim_left(comment).size();
        if (!field_indent) {
            field_indent = indent;
        }
        if (indent > *field_indent && !last_field.empty()) {
            block.fields[last_field].value += " " + std::string(body);
            continue;
        }
        if (indent < *field_indent) {
            break;
        }
        const std::size_t colon = body.find(':');
        const std::string_view key = colon == std::string_view::npos ? body : body.substr(0, colon);
        if (colon == std::string_view::npos ||
            std::find(kFields.begin(), kFields.end(), key) == kFields.end()) {
            errors.push_back({lines[at].number,
                              "checkpoint '" + block.id + "': unknown field '" + std::string(key) +
                                  "' (a field is one of pause, ask, check, choices, answer, "
                                  "explain, written `#   name: value`)"});
            malformed = true;
            last_field.clear();
            continue;
        }
        if (block.fields.contains(key)) {
            errors.push_back({lines[at].number, "checkpoint '" + block.id + "': field '" +
                                                    std::string(key) + "' given twice"});
            malformed = true;
        }
        last_field = std::string(key);
        block.fields[last_field] = {std::string(trim(body.substr(colon + 1))), lines[at].number};
    }
    block.end = at;
    if (malformed) {
        return std::nullopt;
    }
    return block;
}

// The line a `pause: line` stops at: the first code line after the block.
std::optional<int> line_below(const std::vector<SourceLine>& lines, std::size_t from,
                              std::string& problem) {
    for (std::size_t at = from; at < lines.size(); ++at) {
        const SourceLine& line = lines[at];
        if (line.blank || line.comment_only || line.in_string) {
            continue;
        }
        std::string_view code = line.text;
        if (!contains_word(code, "await") && !contains_word(code, "async")) {
            problem = "`pause: line` pauses when a task first suspends at line " +
                      std::to_string(line.number) +
                      ", but that line does not await (no await, async with or async for)";
            return std::nullopt;
        }
        return line.number;
    }
    problem = "`pause: line` needs a line of code below the checkpoint";
    return std::nullopt;
}

class BlockReader {
public:
    BlockReader(const Block& block, std::vector<SourceError>& errors)
        : block_(block), errors_(errors) {}

    bool ok() const { return ok_; }

    void fail(int line, const std::string& message) {
        if (ok_) {
            errors_.push_back({line, "checkpoint '" + block_.id + "': " + message});
        }
        ok_ = false;
    }

    const Field* field(std::string_view name, bool required) {
        const auto found = block_.fields.find(name);
        if (found == block_.fields.end() || found->second.value.empty()) {
            if (required) {
                fail(block_.line, "missing `" + std::string(name) + ":`");
            }
            return nullptr;
        }
        return &found->second;
    }

private:
    const Block& block_;
    std::vector<SourceError>& errors_;
    bool ok_ = true;
};

std::optional<Checkpoint> understand(const Block& block, const std::vector<SourceLine>& lines,
                                     std::vector<SourceError>& errors) {
    BlockReader reader(block, errors);
    Checkpoint checkpoint;
    checkpoint.id = block.id;
    checkpoint.line = block.line;
    if (!valid_checkpoint_id(block.id)) {
        reader.fail(block.line,
                    "an id is letters, digits, '-' and '_', as in `# checkpoint: gather-start`");
    }
    if (block.fields.empty()) {
        reader.fail(block.line, "no fields below the header (pause, ask, check, answer)");
        return std::nullopt;
    }
    const Field* pause = reader.field("pause", true);
    const Field* ask = reader.field("ask", true);
    const Field* check = reader.field("check", true);
    const Field* answer = reader.field("answer", true);
    if (!reader.ok()) {
        return std::nullopt;
    }
    std::string problem;
    if (auto parsed = parse_pause(pause->value, problem)) {
        checkpoint.pause = *parsed;
    } else {
        reader.fail(pause->line, problem);
    }
    if (reader.ok() && checkpoint.pause.kind == PauseKind::Line) {
        if (auto target = line_below(lines, block.end, problem)) {
            checkpoint.pause.line = *target;
        } else {
            reader.fail(pause->line, problem);
        }
    }
    if (auto parsed = parse_check(check->value, problem)) {
        checkpoint.check = *parsed;
    } else {
        reader.fail(check->line, problem);
    }
    checkpoint.question = ask->value;
    checkpoint.answer = answer->value;
    if (const Field* choices = reader.field("choices", false)) {
        checkpoint.choices = split_choices(choices->value);
        if (std::any_of(checkpoint.choices.begin(), checkpoint.choices.end(),
                        [](const std::string& choice) { return choice.empty(); })) {
            reader.fail(choices->line, "an empty choice (choices are separated by ' | ')");
        }
    }
    if (const Field* explain = reader.field("explain", false)) {
        checkpoint.explanation = explain->value;
    }
    if (reader.ok()) {
        if (const std::string invalid = answer_problem(checkpoint); !invalid.empty()) {
            reader.fail(answer->line, invalid);
        }
    }
    if (!reader.ok()) {
        return std::nullopt;
    }
    return checkpoint;
}

}  // namespace

CheckpointParse parse_checkpoints(std::string_view source) {
    CheckpointParse result;
    const std::vector<SourceLine> lines = split_source_lines(source);
    std::set<std::string, std::less<>> ids;
    for (std::size_t at = 0; at < lines.size(); ++at) {
        if (!lines[at].comment_only ||
            trim_left(lines[at].comment).substr(0, kHeader.size()) != kHeader) {
            continue;
        }
        const std::optional<Block> block = read_block(lines, at, result.errors);
        const std::size_t end = block ? block->end : at + 1;
        if (block) {
            if (std::optional<Checkpoint> checkpoint = understand(*block, lines, result.errors)) {
                if (!ids.insert(checkpoint->id).second) {
                    result.errors.push_back(
                        {checkpoint->line, "checkpoint '" + checkpoint->id +
                                               "': this id is already used by another checkpoint"});
                } else {
                    result.checkpoints.push_back(std::move(*checkpoint));
                }
            }
        }
        at = std::max(at, end - 1);
    }
    return result;
}

std::string_view to_string(PauseKind kind) {
    switch (kind) {
        case PauseKind::Line:
            return "line";
        case PauseKind::Time:
            return "time";
        case PauseKind::TaskWaits:
            return "wait";
        case PauseKind::Output:
            return "output";
        case PauseKind::End:
            return "end";
    }
    return "?";
}

std::string_view to_string(CheckKind kind) {
    switch (kind) {
        case CheckKind::NextOutput:
            return "next-output";
        case CheckKind::NextStep:
            return "next-step";
        case CheckKind::Waiting:
            return "waiting";
        case CheckKind::Tasks:
            return "tasks";
        case CheckKind::Outcome:
            return "outcome";
        case CheckKind::OutputOrder:
            return "output-order";
        case CheckKind::Number:
            return "number";
    }
    return "?";
}

}  // namespace loopscope::lesson
