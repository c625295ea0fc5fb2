// The parser against CPython 3.12's own answers for the same files (recorded by
// tests/syntax/cpython/record_ast.py): ast.dump of every case, and the SyntaxError of every
// error file with what `python3 file.py` prints.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "script/syntax/ast_dump.h"
#include "script/syntax/parser.h"

namespace loopscope::script {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<fs::path> python_files(const char* folder) {
    std::vector<fs::path> files;
    for (const auto& entry :
         fs::directory_iterator(fs::path(LOOPSCOPE_TEST_DATA) / "syntax" / folder)) {
        if (entry.path().extension() == ".py") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        lines.push_back(line);
    }
    return lines;
}

TEST(ParserRecordings, DumpsMatchCPython) {
    std::vector<fs::path> files = python_files("cases");
    ASSERT_FALSE(files.empty());
    for (const fs::path& file : files) {
        SCOPED_TRACE(file.filename().string());
        fs::path expected_path =
            file.parent_path().parent_path() / "expected" / (file.stem().string() + ".txt");
        std::vector<std::string> expected = lines_of(read_file(expected_path));
        ASSERT_EQ(expected.size(), 2u);
        ParseOutcome outcome = parse_module(read_file(file), file.filename().string());
        ASSERT_FALSE(outcome.error) << format_syntax_error(*outcome.error);
        ASSERT_TRUE(outcome.module);
        EXPECT_EQ(dump_ast(*outcome.module), expected[0]);
        EXPECT_EQ(dump_ast(*outcome.module, true), expected[1]);
    }
}

TEST(ParserRecordings, SyntaxErrorsMatchCPython) {
    std::vector<fs::path> files = python_files("errors");
    ASSERT_FALSE(files.empty());
    for (const fs::path& file : files) {
        SCOPED_TRACE(file.filename().string());
        fs::path expected_path = file;
        expected_path.replace_extension(".txt");
        std::vector<std::string> expected = lines_of(read_file(expected_path));
        ASSERT_GE(expected.size(), 6u);
        ParseOutcome outcome = parse_module(read_file(file), file.filename().string());
        ASSERT_TRUE(outcome.error) << "parsed without error";
        const SyntaxErrorInfo& error = *outcome.error;
        // CPython leaves every position None when it has no line (an undecodable file).
        auto number = [&](int n) {
            return error.line == 0 ? std::string("None") : std::to_string(n);
        };
        EXPECT_EQ(error.type, expected[0]);
        EXPECT_EQ(error.message, expected[1]);
        EXPECT_EQ(number(error.line), expected[2]);
        EXPECT_EQ(number(error.offset), expected[3]);
        EXPECT_EQ(number(error.end_line), expected[4]);
        EXPECT_EQ(number(error.end_offset), expected[5]);
        std::string stderr_text;
        for (std::size_t i = 6; i < expected.size(); ++i) {
            stderr_text += expected[i] + "\n";
        }
        EXPECT_EQ(format_syntax_error(error), stderr_text);
    }
}

}  // namespace
}  // namespace loopscope::script
