#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "script/syntax/ast.h"

namespace loopscope::script::vm {

// The symbol-table pass: which names of each scope are locals, cells, free variables or globals,
// by CPython's rules (global / nonlocal declarations, class bodies whose names nested functions
// cannot see, comprehensions as scopes of their own, `super()` and `__class__` making the
// enclosing class keep a `__class__` cell). Runs before the compiler, which asks it per node.

// A compile-time error (SyntaxError) in CPython's words, at the offending node.
struct CompileError {
    std::string message;
    ast::Location location;
};

enum class ScopeKind { Module, Function, Class, Comprehension };

enum class NameScope { Local, Cell, Free, GlobalExplicit, GlobalImplicit };

struct Scope {
    ScopeKind kind = ScopeKind::Module;
    std::string name;
    Scope* parent = nullptr;
    std::vector<Scope*> children;

    // What the body does with each name, as bit flags (symtable.cpp), in first-seen order.
    std::unordered_map<std::string, unsigned> flags;
    std::vector<std::string> order;
    std::vector<std::string> parameters;
    std::unordered_map<std::string, ast::Location> nonlocal_at;  // for "no binding" errors

    // The analysis.
    std::unordered_map<std::string, NameScope> resolved;
    std::vector<std::string> locals;    // function-like scopes: fast slots (parameters first)
    std::vector<std::string> cellvars;  // a class's `__class__` cell is here too
    std::vector<std::string> freevars;

    bool is_async = false;  // async def, or an async generator expression
    bool has_yield = false;
    bool has_await = false;
    bool is_lambda = false;
    bool is_generator_expression = false;
    bool uses_class_cell = false;  // a method that calls super() or reads __class__

    NameScope scope_of(const std::string& name) const;
    bool is_function_like() const {
        return kind == ScopeKind::Function || kind == ScopeKind::Comprehension;
    }
};

class SymbolTable {
public:
    // Throws CompileError.
    static std::unique_ptr<SymbolTable> build(const ast::Module& module);

    Scope& module_scope() { return *module_; }
    // The scope a function / lambda / class / comprehension node opens.
    Scope& scope_of(const void* node);

    // Internal, used by the builder.
    Scope* add_scope(ScopeKind kind, std::string name, Scope* parent, const void* node);

private:
    std::vector<std::unique_ptr<Scope>> scopes_;
    std::unordered_map<const void*, Scope*> by_node_;
    Scope* module_ = nullptr;
};

}  // namespace loopscope::script::vm
