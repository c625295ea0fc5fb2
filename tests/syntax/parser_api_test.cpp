// What the compiler and the interpreter rely on beyond the dumps: the docstring, positions in
// UTF-8 bytes, and the text printed for a SyntaxError.
#include <gtest/gtest.h>

#include "script/syntax/parser.h"

namespace loopscope::script {
namespace {

ast::Module parse_ok(std::string_view source) {
    ParseOutcome outcome = parse_module(source, "test.py");
    EXPECT_FALSE(outcome.error) << (outcome.error ? format_syntax_error(*outcome.error) : "");
    return std::move(*outcome.module);
}

TEST(ParserApi, ModuleDocstring) {
    EXPECT_EQ(parse_ok("'''Doc.'''\nx = 1\n").docstring, "Doc.");
    EXPECT_EQ(parse_ok("# comment\n\"Doc\" ' too'\n").docstring, "Doc too");
    EXPECT_FALSE(parse_ok("x = 1\n'not a docstring'\n").docstring);
    EXPECT_FALSE(parse_ok("f'{x}'\n").docstring);
    EXPECT_FALSE(parse_ok("").docstring);
}

TEST(ParserApi, PositionsAreUtf8Bytes) {
    ast::Module module = parse_ok("s = 'é'; t = 1\n");
    ASSERT_EQ(module.body.size(), 2u);
    const ast::Location& second = module.body[1]->location;
    EXPECT_EQ(second.line, 1u);
    EXPECT_EQ(second.column, 10u);  // 'é' is two bytes
    EXPECT_EQ(second.end_column, 15u);
}

TEST(ParserApi, StatementSpansItsBlock) {
    ast::Module module = parse_ok("async def main():\n    await x\n    return 1\n");
    ASSERT_EQ(module.body.size(), 1u);
    const ast::Stmt& def = *module.body[0];
    EXPECT_EQ(def.kind, ast::StmtKind::AsyncFunctionDef);
    EXPECT_TRUE(ast::as<ast::FunctionDef>(def).is_async);
    EXPECT_EQ(def.location.line, 1u);
    EXPECT_EQ(def.location.end_line, 3u);
    EXPECT_EQ(def.location.end_column, 12u);
}

TEST(ParserApi, KindsOfSharedNodes) {
    ast::Module module = parse_ok(
        "async def f():\n"
        "    async for x in y: pass\n"
        "    async with z: pass\n"
        "try:\n    pass\nexcept* E:\n    pass\n");
    const auto& f = ast::as<ast::FunctionDef>(*module.body[0]);
    EXPECT_EQ(f.body[0]->kind, ast::StmtKind::AsyncFor);
    EXPECT_TRUE(ast::as<ast::For>(*f.body[0]).is_async);
    EXPECT_EQ(f.body[1]->kind, ast::StmtKind::AsyncWith);
    EXPECT_TRUE(ast::as<ast::With>(*f.body[1]).is_async);
    EXPECT_EQ(module.body[1]->kind, ast::StmtKind::TryStar);
    EXPECT_TRUE(ast::as<ast::Try>(*module.body[1]).is_star);
}

TEST(ParserApi, IntegerLiterals) {
    ast::Module module = parse_ok("a = 9223372036854775807\nb = 0x7fff_ffff_ffff_ffff\n");
    const auto& a = ast::as<ast::Constant>(*ast::as<ast::Assign>(*module.body[0]).value);
    EXPECT_EQ(a.type, ast::Constant::Type::Int);
    EXPECT_EQ(a.int_value, 9223372036854775807);
    ParseOutcome too_large = parse_module("x = 9223372036854775808\n", "big.py");
    ASSERT_TRUE(too_large.error);
    EXPECT_EQ(too_large.error->type, "OverflowError");
    EXPECT_EQ(too_large.error->message, "integer literal too large");
    EXPECT_EQ(too_large.error->line, 1);
    EXPECT_EQ(too_large.error->offset, 5);
}

TEST(ParserApi, FormatsLikeCPython) {
    ParseOutcome outcome = parse_module("def f(:\n    pass\n", "x.py");
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(format_syntax_error(*outcome.error),
              "  File \"x.py\", line 1\n"
              "    def f(:\n"
              "          ^\n"
              "SyntaxError: invalid syntax\n");
}

TEST(ParserApi, ErrorWithoutPositionPrintsOnlyTheMessage) {
    ParseOutcome outcome = parse_module("x = \"\xff\"\n", "bad.py");
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->line, 0);
    EXPECT_EQ(format_syntax_error(*outcome.error),
              "SyntaxError: Non-UTF-8 code starting with '\\xff' in file bad.py on line 1, but no "
              "encoding declared; see https://peps.python.org/pep-0263/ for details\n");
}

}  // namespace
}  // namespace loopscope::script
