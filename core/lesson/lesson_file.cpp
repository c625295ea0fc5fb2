#include "lesson/lesson_file.h"

#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "lesson/checkpoint_values.h"
#include "lesson/docstring.h"

namespace loopscope::lesson {

LessonFile parse_lesson(std::string_view source) {
    LessonFile lesson;
    std::optional<SourceError> literal_error;
    const std::optional<Docstring> docstring = module_docstring(source, literal_error);
    if (literal_error) {
        lesson.errors.push_back(*literal_error);
    } else if (!docstring) {
        lesson.errors.push_back(
            {1, "a lesson starts with a module docstring: \"\"\"# Title, then Markdown\"\"\""});
    } else {
        lesson.docstring_first_line = docstring->first_line;
        lesson.docstring_last_line = docstring->last_line;
        const std::string& text = docstring->text;
        const std::size_t end_of_title = text.find('\n');
        const std::string_view first_line = std::string_view(text).substr(0, end_of_title);
        if (first_line.substr(0, 2) != "# " || trim(first_line.substr(2)).empty()) {
            lesson.errors.push_back({docstring->first_line,
                                     "the docstring's first line must be the title, written "
                                     "`# Title` (a Markdown heading)"});
        } else {
            lesson.title = std::string(trim(first_line.substr(2)));
            if (end_of_title != std::string::npos) {
                // Blank lines between the title and the text go; the text's own indentation
                // (a Markdown code block) stays. cleandoc already trimmed the end.
                const std::size_t body = text.find_first_not_of('\n', end_of_title);
                lesson.text = body == std::string::npos ? "" : text.substr(body);
            }
        }
    }
    CheckpointParse checkpoints = parse_checkpoints(source);
    lesson.checkpoints = std::move(checkpoints.checkpoints);
    lesson.errors.insert(lesson.errors.end(), checkpoints.errors.begin(), checkpoints.errors.end());
    if (lesson.checkpoints.empty() && checkpoints.errors.empty()) {
        lesson.errors.push_back(
            {1, "a lesson has at least one checkpoint (`# checkpoint: id` and its fields)"});
    }
    return lesson;
}

LessonFile load_lesson(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw std::runtime_error("cannot read lesson " + path.string());
    }
    std::ostringstream source;
    source << file.rdbuf();
    return parse_lesson(source.str());
}

}  // namespace loopscope::lesson
