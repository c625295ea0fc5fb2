#include "lesson/lesson_catalog.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>

namespace loopscope::lesson {
namespace {

bool is_lesson_name(const std::string& name) {
    const auto digit = [&](std::size_t at) {
        return std::isdigit(static_cast<unsigned char>(name[at])) != 0;
    };
    return name.size() > 6 && digit(0) && digit(1) && name[2] == '_' &&
           name.substr(name.size() - 3) == ".py";
}

}  // namespace

std::vector<LessonEntry> load_lesson_catalog(const std::filesystem::path& folder) {
    std::error_code error;
    std::filesystem::directory_iterator files(folder, error);
    if (error) {
        throw std::runtime_error("cannot list lessons in " + folder.string() + ": " +
                                 error.message());
    }
    std::vector<LessonEntry> entries;
    for (const auto& file : files) {
        const std::string name = file.path().filename().string();
        if (!file.is_regular_file() || !is_lesson_name(name)) {
            continue;
        }
        LessonEntry entry;
        entry.number = std::stoi(name.substr(0, 2));
        entry.path = file.path();
        entry.lesson = load_lesson(file.path());
        entries.push_back(std::move(entry));
    }
    std::sort(entries.begin(), entries.end(), [](const LessonEntry& a, const LessonEntry& b) {
        return a.path.filename() < b.path.filename();
    });
    return entries;
}

}  // namespace loopscope::lesson
