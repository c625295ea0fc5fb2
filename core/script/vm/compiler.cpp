#include "script/vm/compiler.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "script/objects/runtime.h"
#include "script/objects/str.h"
#include "script/vm/symtable.h"

namespace loopscope::script::vm {

namespace {

using ast::Expr;
using ast::ExprKind;
using ast::Stmt;
using ast::StmtKind;

NumberOp number_op(ast::BinaryOp op) {
    switch (op) {
        case ast::BinaryOp::Add:
            return NumberOp::Add;
        case ast::BinaryOp::Sub:
            return NumberOp::Sub;
        case ast::BinaryOp::Mult:
            return NumberOp::Mul;
        case ast::BinaryOp::MatMult:
            return NumberOp::MatMul;
        case ast::BinaryOp::Div:
            return NumberOp::TrueDiv;
        case ast::BinaryOp::Mod:
            return NumberOp::Mod;
        case ast::BinaryOp::Pow:
            return NumberOp::Pow;
        case ast::BinaryOp::LShift:
            return NumberOp::LShift;
        case ast::BinaryOp::RShift:
            return NumberOp::RShift;
        case ast::BinaryOp::BitOr:
            return NumberOp::Or;
        case ast::BinaryOp::BitXor:
            return NumberOp::Xor;
        case ast::BinaryOp::BitAnd:
            return NumberOp::And;
        case ast::BinaryOp::FloorDiv:
            return NumberOp::FloorDiv;
    }
    return NumberOp::Add;
}

// A compile-time block the compiler must unwind for return / break / continue (CPython's
// fblock): what to pop and which finally bodies to run on the way out.
struct FrameBlock {
    enum class Kind {
        WhileLoop,
        ForLoop,
        AsyncForLoop,
        TryExcept,
        FinallyTry,
        FinallyEnd,
        With,
        AsyncWith,
        HandlerCleanup,
    } kind;
    int loop_start = -1;  // label: continue
    int loop_exit = -1;   // label: break
    const ast::StmtList* finalbody = nullptr;
    const std::string* handler_name = nullptr;
};

// CPython's CO_MAXBLOCKS: a loop, try or with nested 20 blocks deep is a SyntaxError.
constexpr std::size_t kMaxNestedBlocks = 20;

struct Unit {
    std::shared_ptr<CodeObject> code;
    Scope* scope = nullptr;
    std::vector<FrameBlock> blocks;
    std::vector<int> labels;  // label id → instruction index (-1 unbound)
    std::unordered_map<std::string, std::uint32_t> name_index;
    std::unordered_map<std::string, std::uint32_t> str_constants;
    ast::Location location;
};

class Compiler {
public:
    Compiler(Runtime& rt, SymbolTable& table, std::string filename, std::string_view source)
        : rt_(rt), table_(table), filename_(std::move(filename)) {
        std::size_t start = 0;
        while (start <= source.size()) {
            std::size_t nl = source.find('\n', start);
            if (nl == std::string_view::npos) {
                lines_.push_back(source.substr(start));
                break;
            }
            lines_.push_back(source.substr(start, nl - start));
            start = nl + 1;
        }
    }

    std::shared_ptr<CodeObject> module(const ast::Module& m) {
        enter(table_.module_scope(), "<module>", "<module>", 1);
        u_->code->flags |= CodeObject::kModule;
        namespace_body(m.body);
        emit_const(Value());
        emit(Op::ReturnValue);
        return leave();
    }

private:
    Runtime& rt_;
    SymbolTable& table_;
    std::string filename_;
    std::vector<std::unique_ptr<Unit>> units_;
    Unit* u_ = nullptr;
    std::vector<std::string_view> lines_;

    // CPython 3.12's caret anchors (traceback._extract_caret_anchors_from_line_segment) for the
    // instruction just emitted by a one-line BinOp or Subscript.
    void record_anchors(const Expr& e) {
        const ast::Location& at = e.location;
        if (at.line == 0 || at.line != at.end_line || at.line > lines_.size())
            return;
        std::string_view line = lines_[at.line - 1];
        if (at.end_column > line.size() || at.column >= at.end_column)
            return;
        std::string_view segment = line.substr(at.column, at.end_column - at.column);
        auto rel = [&](std::uint32_t col) {
            return static_cast<int>(col) - static_cast<int>(at.column);
        };
        auto n = static_cast<int>(segment.size());
        auto ch = [&](int i) { return segment[static_cast<std::size_t>(i)]; };
        int left = 0;
        int right = 0;
        if (e.kind == ExprKind::BinOp) {
            const auto& b = ast::as<ast::BinOpExpr>(e);
            if (b.left->location.end_line != at.line || b.right->location.line != at.line)
                return;
            int op_start = rel(b.left->location.end_column);
            int op_end = rel(b.right->location.column);
            if (op_start < 0 || op_end > n || op_start > op_end)
                return;
            int offset = 0;
            while (op_start + offset < op_end &&
                   std::isspace(static_cast<unsigned char>(ch(op_start + offset))))
                ++offset;
            left = op_start + offset;
            right = left + 1;
            if (offset + 1 < op_end - op_start &&
                !std::isspace(static_cast<unsigned char>(ch(op_start + offset + 1))))
                ++right;
            while (left < n && (std::isspace(static_cast<unsigned char>(ch(left))) ||
                                ch(left) == ')' || ch(left) == '#')) {
                ++left;
                ++right;
            }
        } else if (e.kind == ExprKind::Subscript) {
            const auto& sub = ast::as<ast::Subscript>(e);
            if (sub.value->location.end_line != at.line || sub.slice->location.end_line != at.line)
                return;
            left = rel(sub.value->location.end_column);
            right = rel(sub.slice->location.end_column) + 1;
            while (left < n && ch(left) != '[')
                ++left;
            while (right < n && ch(right) != ']')
                ++right;
            if (right < n)
                ++right;
        } else {
            return;
        }
        auto pc = static_cast<std::uint32_t>(u_->code->code.size() - 1);
        u_->code->caret_anchors[pc] = {left, right};
    }

    // --- units ------------------------------------------------------------------------------

    void enter(Scope& scope, std::string name, std::string qualname, std::uint32_t first_line) {
        units_.push_back(std::make_unique<Unit>());
        u_ = units_.back().get();
        u_->scope = &scope;
        u_->code = std::make_shared<CodeObject>();
        CodeObject& c = *u_->code;
        c.name = std::move(name);
        c.qualname = std::move(qualname);
        c.filename = filename_;
        c.first_line = static_cast<int>(first_line);
        u_->location.line = first_line;
        if (scope.is_function_like()) {
            c.varnames = scope.locals;
            c.cellvars = scope.cellvars;
            for (const auto& cell : c.cellvars) {
                auto it = std::find(scope.parameters.begin(), scope.parameters.end(), cell);
                c.cell_parameters.push_back(it == scope.parameters.end()
                                                ? -1
                                                : static_cast<int>(it - scope.parameters.begin()));
            }
        } else {
            c.cellvars = scope.cellvars;
            c.cell_parameters.assign(c.cellvars.size(), -1);
        }
        c.freevars = scope.freevars;
    }

    std::shared_ptr<CodeObject> leave() {
        CodeObject& c = *u_->code;
        for (auto& ins : c.code)
            if (has_jump_target(ins.op))
                ins.a = static_cast<std::uint32_t>(u_->labels[ins.a]);
        c.stack_size = max_stack_depth(c) + 2;
        c.global_cache.resize(c.names.size());
        c.method_cache.resize(c.names.size());
        for (const auto& names : c.keyword_names)
            c.keyword_views.emplace_back(names.begin(), names.end());
        auto code = u_->code;
        units_.pop_back();
        u_ = units_.empty() ? nullptr : units_.back().get();
        return code;
    }

    static int max_stack_depth(CodeObject& c) {
        std::vector<int> depth(c.code.size() + 1, -1);
        std::vector<std::size_t> work{0};
        depth[0] = 0;
        int max_depth = 0;
        int max_blocks = 0;
        int setups = 0;
        for (const auto& ins : c.code)
            if (ins.op == Op::SetupFinally)
                ++setups;
        max_blocks = setups;
        auto visit = [&](std::size_t at, int d) {
            if (at >= depth.size())
                return;
            if (depth[at] < d) {
                depth[at] = d;
                work.push_back(at);
            }
        };
        while (!work.empty()) {
            std::size_t pc = work.back();
            work.pop_back();
            int d = depth[pc];
            if (pc >= c.code.size())
                continue;
            const Instruction& ins = c.code[pc];
            int fall = d + stack_effect(ins, false);
            max_depth = std::max({max_depth, d, fall});
            if (has_jump_target(ins.op)) {
                int jumped = d + stack_effect(ins, true);
                max_depth = std::max(max_depth, jumped);
                visit(ins.a, jumped);
            }
            bool terminal = ins.op == Op::Jump || ins.op == Op::ReturnValue ||
                            ins.op == Op::Reraise || ins.op == Op::PopExceptAndReraise ||
                            ins.op == Op::RaiseVarargs;
            if (!terminal)
                visit(pc + 1, fall);
        }
        c.block_depth = max_blocks;
        return max_depth;
    }

    // --- emitting ---------------------------------------------------------------------------

    std::size_t emit(Op op, std::uint32_t a = 0, std::uint16_t b = 0) {
        u_->code->code.push_back(Instruction{op, b, a});
        u_->code->locations.push_back(u_->location);
        return u_->code->code.size() - 1;
    }
    static std::uint32_t u32(std::size_t n) { return static_cast<std::uint32_t>(n); }
    static std::uint32_t u32(int n) { return static_cast<std::uint32_t>(n); }
    static std::uint32_t u32(std::ptrdiff_t n) { return static_cast<std::uint32_t>(n); }

    int new_label() {
        u_->labels.push_back(-1);
        return static_cast<int>(u_->labels.size() - 1);
    }
    void bind(int label) {
        u_->labels[static_cast<std::size_t>(label)] = static_cast<int>(u_->code->code.size());
    }
    void emit_jump(Op op, int label) { emit(op, u32(label)); }

    std::uint32_t add_const(Value v) {
        auto& consts = u_->code->constants;
        consts.push_back(std::move(v));
        return u32(consts.size() - 1);
    }
    void emit_const(Value v) { emit(Op::LoadConst, add_const(std::move(v))); }
    void emit_str(const std::string& s) {
        auto it = u_->str_constants.find(s);
        if (it == u_->str_constants.end()) {
            std::uint32_t index = add_const(make_str(rt_, s));
            it = u_->str_constants.emplace(s, index).first;
        }
        emit(Op::LoadConst, it->second);
    }
    std::uint32_t name(const std::string& n) {
        auto it = u_->name_index.find(n);
        if (it != u_->name_index.end())
            return it->second;
        u_->code->names.push_back(n);
        std::uint32_t index = u32(u_->code->names.size() - 1);
        u_->name_index.emplace(n, index);
        return index;
    }

    struct LocationScope {
        Unit* unit;
        ast::Location saved;
        LocationScope(Unit* u, const ast::Location& at) : unit(u), saved(u->location) {
            if (at.line != 0)
                u->location = at;
        }
        ~LocationScope() { unit->location = saved; }
    };

    [[noreturn]] void error(std::string message, const ast::Location& at) {
        throw CompileError{std::move(message), at.line ? at : u_->location};
    }

    // --- names ------------------------------------------------------------------------------

    std::uint32_t local_index(const std::string& n) {
        const auto& v = u_->code->varnames;
        return u32(std::find(v.begin(), v.end(), n) - v.begin());
    }
    std::uint32_t deref_index(const std::string& n) {
        const auto& cells = u_->code->cellvars;
        auto it = std::find(cells.begin(), cells.end(), n);
        if (it != cells.end())
            return u32(it - cells.begin());
        const auto& frees = u_->code->freevars;
        return u32(cells.size()) + u32(std::find(frees.begin(), frees.end(), n) - frees.begin());
    }

    void name_op(const std::string& n, ast::ExprContext ctx) {
        Scope& s = *u_->scope;
        NameScope r = s.scope_of(n);
        auto pick = [&](Op load, Op store, Op del) {
            return ctx == ast::ExprContext::Load    ? load
                   : ctx == ast::ExprContext::Store ? store
                                                    : del;
        };
        if (s.kind == ScopeKind::Module) {
            emit(pick(Op::LoadGlobal, Op::StoreGlobal, Op::DeleteGlobal), name(n));
            return;
        }
        switch (r) {
            case NameScope::Local:
                if (s.kind == ScopeKind::Class)
                    emit(pick(Op::LoadName, Op::StoreName, Op::DeleteName), name(n));
                else
                    emit(pick(Op::LoadFast, Op::StoreFast, Op::DeleteFast), local_index(n));
                return;
            case NameScope::Cell:
                emit(pick(Op::LoadDeref, Op::StoreDeref, Op::DeleteDeref), deref_index(n));
                return;
            case NameScope::Free:
                if (s.kind == ScopeKind::Class && ctx == ast::ExprContext::Load) {
                    emit(Op::LoadClassDeref, deref_index(n), static_cast<std::uint16_t>(0));
                    u_->code->code.back().b = static_cast<std::uint16_t>(name(n));
                    return;
                }
                emit(pick(Op::LoadDeref, Op::StoreDeref, Op::DeleteDeref), deref_index(n));
                return;
            case NameScope::GlobalExplicit:
                emit(pick(Op::LoadGlobal, Op::StoreGlobal, Op::DeleteGlobal), name(n));
                return;
            case NameScope::GlobalImplicit:
                if (s.kind == ScopeKind::Class)
                    emit(pick(Op::LoadName, Op::StoreName, Op::DeleteName), name(n));
                else
                    emit(pick(Op::LoadGlobal, Op::StoreGlobal, Op::DeleteGlobal), name(n));
                return;
        }
    }

    // --- statements -------------------------------------------------------------------------

    void statements(const ast::StmtList& body) {
        for (const auto& s : body)
            statement(*s);
    }

    // The docstring of a body (its first statement, when a string literal), or null.
    static const std::string* docstring(const ast::StmtList& body) {
        if (body.empty() || body.front()->kind != StmtKind::Expr)
            return nullptr;
        const Expr& value = *ast::as<ast::ExprStmt>(*body.front()).value;
        if (value.kind != ExprKind::Constant)
            return nullptr;
        const auto& c = ast::as<ast::Constant>(value);
        return c.type == ast::Constant::Type::Str ? &c.str_value : nullptr;
    }

    // Whether a body has an annotated assignment outside nested functions and classes
    // (CPython's find_ann): such a module or class body starts with SETUP_ANNOTATIONS.
    static bool has_annotations(const ast::StmtList& body) {
        for (const auto& s : body) {
            switch (s->kind) {
                case StmtKind::AnnAssign:
                    return true;
                case StmtKind::For:
                case StmtKind::AsyncFor: {
                    const auto& f = ast::as<ast::For>(*s);
                    if (has_annotations(f.body) || has_annotations(f.orelse))
                        return true;
                    break;
                }
                case StmtKind::While: {
                    const auto& w = ast::as<ast::While>(*s);
                    if (has_annotations(w.body) || has_annotations(w.orelse))
                        return true;
                    break;
                }
                case StmtKind::If: {
                    const auto& i = ast::as<ast::If>(*s);
                    if (has_annotations(i.body) || has_annotations(i.orelse))
                        return true;
                    break;
                }
                case StmtKind::With:
                case StmtKind::AsyncWith:
                    if (has_annotations(ast::as<ast::With>(*s).body))
                        return true;
                    break;
                case StmtKind::Try:
                case StmtKind::TryStar: {
                    const auto& t = ast::as<ast::Try>(*s);
                    if (has_annotations(t.body) || has_annotations(t.orelse) ||
                        has_annotations(t.finalbody))
                        return true;
                    for (const auto& h : t.handlers)
                        if (has_annotations(h.body))
                            return true;
                    break;
                }
                default:
                    break;
            }
        }
        return false;
    }

    // A module or class body: SETUP_ANNOTATIONS when it annotates names, the docstring stored
    // as __doc__ (not run as a statement), then the statements.
    void namespace_body(const ast::StmtList& body) {
        if (has_annotations(body))
            emit(Op::SetupAnnotations);
        std::size_t first = 0;
        if (const std::string* doc = docstring(body)) {
            LocationScope at(u_, body.front()->location);
            emit_str(*doc);
            emit(Op::StoreName, name("__doc__"));
            first = 1;
        }
        for (std::size_t i = first; i < body.size(); ++i)
            statement(*body[i]);
    }

    // x: T [= v]. In a module or class body a simple name's annotation is evaluated and stored
    // in __annotations__; in a function it is never evaluated (CPython 3.12).
    void ann_assign(const ast::AnnAssign& a) {
        if (a.value) {
            expression(*a.value);
            store_target(*a.target);
        }
        bool in_namespace = u_->scope->kind != ScopeKind::Function;
        if (a.target->kind == ExprKind::Name && a.simple) {
            if (in_namespace) {
                expression(*a.annotation);
                emit(Op::LoadName, name("__annotations__"));
                emit_str(ast::as<ast::Name>(*a.target).id);
                emit(Op::StoreSubscr);
            }
            return;
        }
        if (!a.value) {
            // `obj.attr: T` and `obj[key]: T` still evaluate obj (and key).
            if (a.target->kind == ExprKind::Attribute) {
                expression(*ast::as<ast::Attribute>(*a.target).value);
                emit(Op::PopTop);
            } else if (a.target->kind == ExprKind::Subscript) {
                const auto& sub = ast::as<ast::Subscript>(*a.target);
                expression(*sub.value);
                emit(Op::PopTop);
                subscript_key(*sub.slice);
                emit(Op::PopTop);
            }
        }
        if (in_namespace) {
            expression(*a.annotation);
            emit(Op::PopTop);
        }
    }

    void statement(const Stmt& s) {
        LocationScope at(u_, s.location);
        check_block_nesting(s);
        switch (s.kind) {
            case StmtKind::FunctionDef:
            case StmtKind::AsyncFunctionDef:
                function_def(ast::as<ast::FunctionDef>(s));
                break;
            case StmtKind::ClassDef:
                class_def(ast::as<ast::ClassDef>(s));
                break;
            case StmtKind::Return:
                return_stmt(ast::as<ast::Return>(s));
                break;
            case StmtKind::Delete:
                for (const auto& t : ast::as<ast::Delete>(s).targets)
                    delete_target(*t);
                break;
            case StmtKind::Assign: {
                const auto& a = ast::as<ast::Assign>(s);
                expression(*a.value);
                for (std::size_t i = 0; i < a.targets.size(); ++i) {
                    if (i + 1 < a.targets.size())
                        emit(Op::Copy, 1);
                    store_target(*a.targets[i]);
                }
                break;
            }
            case StmtKind::AugAssign:
                aug_assign(ast::as<ast::AugAssign>(s));
                break;
            case StmtKind::AnnAssign:
                ann_assign(ast::as<ast::AnnAssign>(s));
                break;
            case StmtKind::For:
            case StmtKind::AsyncFor:
                for_stmt(ast::as<ast::For>(s));
                break;
            case StmtKind::While:
                while_stmt(ast::as<ast::While>(s));
                break;
            case StmtKind::If: {
                const auto& i = ast::as<ast::If>(s);
                int orelse = new_label();
                int end = new_label();
                expression(*i.test);
                emit_jump(Op::PopJumpIfFalse, orelse);
                statements(i.body);
                if (!i.orelse.empty())
                    emit_jump(Op::Jump, end);
                bind(orelse);
                statements(i.orelse);
                bind(end);
                break;
            }
            case StmtKind::With:
            case StmtKind::AsyncWith: {
                const auto& w = ast::as<ast::With>(s);
                if (w.is_async && !in_async_function())
                    error("'async with' outside async function", s.location);
                with_stmt(w, 0);
                break;
            }
            case StmtKind::Raise: {
                const auto& r = ast::as<ast::Raise>(s);
                std::uint32_t n = 0;
                if (r.exc) {
                    expression(*r.exc);
                    n = 1;
                    if (r.cause) {
                        expression(*r.cause);
                        n = 2;
                    }
                }
                emit(Op::RaiseVarargs, n);
                break;
            }
            case StmtKind::Try:
            case StmtKind::TryStar: {
                const auto& t = ast::as<ast::Try>(s);
                if (!t.finalbody.empty())
                    try_finally(t);
                else if (t.is_star)
                    try_star(t);
                else
                    try_except(t);
                break;
            }
            case StmtKind::Assert: {
                const auto& a = ast::as<ast::Assert>(s);
                int ok = new_label();
                expression(*a.test);
                emit_jump(Op::PopJumpIfTrue, ok);
                emit(Op::LoadAssertionError);
                if (a.msg) {
                    expression(*a.msg);
                    emit(Op::Call, 1);
                }
                emit(Op::RaiseVarargs, 1);
                bind(ok);
                break;
            }
            case StmtKind::Import:
                for (const auto& alias : ast::as<ast::Import>(s).names) {
                    // A non-None "fromlist" asks for the submodule itself (`import a.b as c`).
                    emit_const(alias.asname ? Value::boolean(true) : Value());
                    emit(Op::ImportName, name(alias.name));
                    if (alias.asname) {
                        name_op(*alias.asname, ast::ExprContext::Store);
                    } else {
                        name_op(alias.name.substr(0, alias.name.find('.')),
                                ast::ExprContext::Store);
                    }
                }
                break;
            case StmtKind::ImportFrom: {
                const auto& f = ast::as<ast::ImportFrom>(s);
                if (f.module.empty()) {
                    // `from . import helpers`: scripts have no packages; a sibling module.
                    for (const auto& alias : f.names) {
                        emit_const(Value());
                        emit(Op::ImportName, name(alias.name));
                        name_op(alias.asname ? *alias.asname : alias.name, ast::ExprContext::Store);
                    }
                    break;
                }
                emit_const(Value::boolean(true));
                emit(Op::ImportName, name(f.module));
                for (const auto& alias : f.names) {
                    if (alias.name == "*") {
                        emit(Op::ImportStar);
                        return;
                    }
                    emit(Op::ImportFrom, name(alias.name));
                    name_op(alias.asname ? *alias.asname : alias.name, ast::ExprContext::Store);
                }
                emit(Op::PopTop);
                break;
            }
            case StmtKind::Global:
            case StmtKind::Nonlocal:
            case StmtKind::Pass:
                break;
            case StmtKind::Expr: {
                const auto& e = ast::as<ast::ExprStmt>(s);
                if (e.value->kind == ExprKind::Constant)
                    break;
                expression(*e.value);
                emit(Op::PopTop);
                break;
            }
            case StmtKind::Break:
                break_stmt(s.location);
                break;
            case StmtKind::Continue:
                continue_stmt(s.location);
                break;
        }
    }

    bool in_async_function() const {
        const Scope* s = u_->scope;
        return s->kind == ScopeKind::Function && s->is_async;
    }

    // --- functions and classes ---------------------------------------------------------------

    std::string child_qualname(const std::string& n) {
        Scope& s = *u_->scope;
        if (s.kind == ScopeKind::Module)
            return n;
        if (s.kind == ScopeKind::Class)
            return u_->code->qualname + "." + n;
        return u_->code->qualname + ".<locals>." + n;
    }

    // Pushes defaults / kw-defaults / closure as the child needs, then MAKE_FUNCTION.
    void make_function(const std::shared_ptr<CodeObject>& child, const ast::Arguments* args) {
        std::uint32_t flags = 0;
        if (args && !args->defaults.empty()) {
            for (const auto& d : args->defaults)
                expression(*d);
            emit(Op::BuildTuple, u32(args->defaults.size()));
            flags |= CodeObject::kHasDefaults;
        }
        if (args) {
            std::uint32_t n = 0;
            for (std::size_t i = 0; i < args->kwonlyargs.size(); ++i) {
                if (i < args->kw_defaults.size() && args->kw_defaults[i]) {
                    emit_str(args->kwonlyargs[i].name);
                    expression(*args->kw_defaults[i]);
                    ++n;
                }
            }
            if (n > 0) {
                emit(Op::BuildMap, n);
                flags |= CodeObject::kHasKwDefaults;
            }
        }
        if (!child->freevars.empty()) {
            for (const auto& free : child->freevars)
                emit(Op::LoadClosure, deref_index(free));
            emit(Op::BuildTuple, u32(child->freevars.size()));
            flags |= CodeObject::kHasClosure;
        }
        child->flags |= flags;
        u_->code->functions.push_back(child);
        auto pops = static_cast<std::uint16_t>(((flags & CodeObject::kHasDefaults) ? 1 : 0) +
                                               ((flags & CodeObject::kHasKwDefaults) ? 1 : 0) +
                                               ((flags & CodeObject::kHasClosure) ? 1 : 0));
        emit(Op::MakeFunction, u32(u_->code->functions.size() - 1), pops);
    }

    void set_arguments(CodeObject& c, const ast::Arguments& args) {
        c.posonlyargcount = static_cast<int>(args.posonlyargs.size());
        c.argcount = static_cast<int>(args.posonlyargs.size() + args.args.size());
        c.kwonlyargcount = static_cast<int>(args.kwonlyargs.size());
        if (args.vararg)
            c.flags |= CodeObject::kVarArgs;
        if (args.kwarg)
            c.flags |= CodeObject::kVarKeywords;
    }

    void set_kind_flags(CodeObject& c, const Scope& scope) {
        if (scope.is_async && scope.has_yield)
            c.flags |= CodeObject::kAsyncGenerator;
        else if (scope.is_async)
            c.flags |= CodeObject::kCoroutine;
        else if (scope.has_yield)
            c.flags |= CodeObject::kGenerator;
    }

    void function_def(const ast::FunctionDef& f) {
        for (const auto& d : f.decorator_list)
            expression(*d);
        Scope& scope = table_.scope_of(&f);
        std::uint32_t line = f.location.line;
        if (!f.decorator_list.empty())
            line = f.decorator_list.front()->location.line;
        std::string qualname = child_qualname(f.name);
        enter(scope, f.name, qualname, line);
        u_->location = f.location;
        set_arguments(*u_->code, f.args);
        set_kind_flags(*u_->code, scope);
        if (const std::string* doc = docstring(f.body)) {
            // Kept on the code object (CPython's co_consts[0]), not run as a statement.
            u_->code->docstring = *doc;
            for (std::size_t i = 1; i < f.body.size(); ++i)
                statement(*f.body[i]);
        } else {
            statements(f.body);
        }
        emit_const(Value());
        emit(Op::ReturnValue);
        auto child = leave();
        make_function(child, &f.args);
        for (std::size_t i = 0; i < f.decorator_list.size(); ++i)
            emit(Op::Call, 1);
        name_op(f.name, ast::ExprContext::Store);
    }

    void lambda(const ast::Lambda& l) {
        Scope& scope = table_.scope_of(&l);
        enter(scope, "<lambda>", child_qualname("<lambda>"), l.location.line);
        u_->location = l.body->location;
        set_arguments(*u_->code, l.args);
        set_kind_flags(*u_->code, scope);
        expression(*l.body);
        if (scope.has_yield)
            emit(Op::PopTop), emit_const(Value());
        emit(Op::ReturnValue);
        auto child = leave();
        make_function(child, &l.args);
    }

    void class_def(const ast::ClassDef& c) {
        for (const auto& d : c.decorator_list)
            expression(*d);
        Scope& scope = table_.scope_of(&c);
        std::string qualname = child_qualname(c.name);
        enter(scope, c.name, qualname, c.location.line);
        u_->code->flags |= CodeObject::kClassBody;
        emit(Op::LoadName, name("__name__"));
        emit(Op::StoreName, name("__module__"));
        emit_str(qualname);
        emit(Op::StoreName, name("__qualname__"));
        namespace_body(c.body);
        auto& cells = u_->code->cellvars;
        auto cell = std::find(cells.begin(), cells.end(), "__class__");
        if (cell != cells.end()) {
            emit(Op::LoadClosure, u32(cell - cells.begin()));
            emit(Op::StoreName, name("__classcell__"));
        }
        emit_const(Value());
        emit(Op::ReturnValue);
        auto body = leave();
        make_function(body, nullptr);
        emit_str(c.name);
        sequence(c.bases, Op::BuildTuple);
        emit(Op::BuildClass);
        for (std::size_t i = 0; i < c.decorator_list.size(); ++i)
            emit(Op::Call, 1);
        name_op(c.name, ast::ExprContext::Store);
    }

    // --- control flow -----------------------------------------------------------------------

    void return_stmt(const ast::Return& r) {
        Scope& s = *u_->scope;
        if (s.kind != ScopeKind::Function)
            error("'return' outside function", r.location);
        if (r.value && s.is_async && s.has_yield)
            error("'return' with value in async generator", r.location);
        if (r.value) {
            expression(*r.value);
            unwind_all(true);
        } else {
            unwind_all(false);
            emit_const(Value());
        }
        emit(Op::ReturnValue);
    }

    void unwind_all(bool preserve_top) {
        std::vector<FrameBlock> saved = u_->blocks;
        while (!u_->blocks.empty()) {
            FrameBlock b = u_->blocks.back();
            u_->blocks.pop_back();
            unwind(b, preserve_top);
        }
        u_->blocks = std::move(saved);
    }

    // Unwinds the blocks inside the innermost loop; returns that loop or null.
    // "too many statically nested blocks", raised as CPython raises it: when the statement
    // would push its block onto a stack already 20 deep.
    void check_block_nesting(const Stmt& s) const {
        switch (s.kind) {
            case StmtKind::For:
            case StmtKind::AsyncFor:
            case StmtKind::While:
            case StmtKind::With:
            case StmtKind::AsyncWith:
            case StmtKind::Try:
            case StmtKind::TryStar:
                if (u_->blocks.size() >= kMaxNestedBlocks)
                    throw CompileError{"too many statically nested blocks", s.location};
                break;
            default:
                break;
        }
    }

    const FrameBlock* unwind_to_loop() {
        std::vector<FrameBlock> saved = u_->blocks;
        std::size_t i = u_->blocks.size();
        while (i > 0) {
            const FrameBlock& b = u_->blocks[i - 1];
            if (b.kind == FrameBlock::Kind::WhileLoop || b.kind == FrameBlock::Kind::ForLoop ||
                b.kind == FrameBlock::Kind::AsyncForLoop)
                break;
            --i;
        }
        if (i == 0)
            return nullptr;
        while (u_->blocks.size() > i) {
            FrameBlock b = u_->blocks.back();
            u_->blocks.pop_back();
            unwind(b, false);
        }
        u_->blocks = std::move(saved);
        return &u_->blocks[i - 1];
    }

    void break_stmt(const ast::Location& at) {
        const FrameBlock* loop = unwind_to_loop();
        if (!loop)
            error("'break' outside loop", at);
        FrameBlock b = *loop;
        unwind(b, false);
        emit_jump(Op::Jump, b.loop_exit);
    }

    void continue_stmt(const ast::Location& at) {
        const FrameBlock* loop = unwind_to_loop();
        if (!loop)
            error("'continue' not properly in loop", at);
        emit_jump(Op::Jump, loop->loop_start);
    }

    void unwind(const FrameBlock& b, bool preserve_top) {
        switch (b.kind) {
            case FrameBlock::Kind::WhileLoop:
                return;
            case FrameBlock::Kind::ForLoop:
            case FrameBlock::Kind::AsyncForLoop:
                if (preserve_top)
                    emit(Op::Swap, 2);
                emit(Op::PopTop);
                return;
            case FrameBlock::Kind::TryExcept:
                emit(Op::PopBlock);
                return;
            case FrameBlock::Kind::FinallyTry:
                emit(Op::PopBlock);
                statements(*b.finalbody);
                return;
            case FrameBlock::Kind::FinallyEnd:
                if (preserve_top)
                    emit(Op::Swap, 2);
                emit(Op::PopTop);
                if (preserve_top)
                    emit(Op::Swap, 2);
                emit(Op::PopBlock);
                emit(Op::PopExcept);
                return;
            case FrameBlock::Kind::With:
            case FrameBlock::Kind::AsyncWith:
                emit(Op::PopBlock);
                if (preserve_top)
                    emit(Op::Swap, 2);
                emit(Op::ExitWithNone);
                if (b.kind == FrameBlock::Kind::AsyncWith) {
                    emit(Op::GetAwaitable, 2);
                    emit_const(Value());
                    send_loop();
                }
                emit(Op::PopTop);
                return;
            case FrameBlock::Kind::HandlerCleanup:
                if (b.handler_name) {
                    emit(Op::PopBlock);
                    emit_const(Value());
                    name_op(*b.handler_name, ast::ExprContext::Store);
                    name_op(*b.handler_name, ast::ExprContext::Del);
                }
                emit(Op::PopBlock);
                if (preserve_top)
                    emit(Op::Swap, 2);
                emit(Op::PopExcept);
                return;
        }
    }

    void while_stmt(const ast::While& w) {
        int start = new_label();
        int orelse = new_label();
        int exit = new_label();
        bind(start);
        expression(*w.test);
        emit_jump(Op::PopJumpIfFalse, orelse);
        u_->blocks.push_back({FrameBlock::Kind::WhileLoop, start, exit});
        statements(w.body);
        u_->blocks.pop_back();
        emit_jump(Op::Jump, start);
        bind(orelse);
        statements(w.orelse);
        bind(exit);
    }

    void for_stmt(const ast::For& f) {
        int start = new_label();
        int orelse = new_label();
        int exit = new_label();
        if (f.is_async)
            expression(*f.iter);
        else
            iterable(*f.iter);
        if (f.is_async) {
            if (!in_async_function())
                error("'async for' outside async function", f.location);
            emit(Op::GetAiter);
            bind(start);
            emit_jump(Op::SetupFinally, orelse);
            emit(Op::GetAnext);
            emit(Op::GetAwaitable, 0);
            emit_const(Value());
            send_loop();
            emit(Op::PopBlock);
            store_target(*f.target);
            u_->blocks.push_back({FrameBlock::Kind::AsyncForLoop, start, exit});
            statements(f.body);
            u_->blocks.pop_back();
            emit_jump(Op::Jump, start);
            bind(orelse);
            emit(Op::EndAsyncFor);
            statements(f.orelse);
            bind(exit);
            return;
        }
        emit(Op::GetIter);
        bind(start);
        {
            LocationScope at(u_, f.iter->location);
            emit_jump(Op::ForIter, orelse);
        }
        store_target(*f.target);
        u_->blocks.push_back({FrameBlock::Kind::ForLoop, start, exit});
        statements(f.body);
        u_->blocks.pop_back();
        emit_jump(Op::Jump, start);
        bind(orelse);
        statements(f.orelse);
        bind(exit);
    }

    void send_loop() {
        int send = new_label();
        int done = new_label();
        bind(send);
        emit_jump(Op::Send, done);
        emit(Op::YieldValue, 1);
        emit_jump(Op::Jump, send);
        bind(done);
    }

    void with_stmt(const ast::With& w, std::size_t item) {
        const auto& it = w.items[item];
        int handler = new_label();
        int cleanup = new_label();
        int suppress = new_label();
        int end = new_label();
        expression(*it.context_expr);
        if (w.is_async) {
            emit(Op::BeforeAsyncWith);
            emit(Op::GetAwaitable, 1);
            emit_const(Value());
            send_loop();
        } else {
            emit(Op::BeforeWith);
        }
        // The handler's depth leaves out __enter__'s result, which the target takes.
        emit(Op::SetupFinally, u32(handler), 1);
        if (it.optional_vars)
            store_target(*it.optional_vars);
        else
            emit(Op::PopTop);
        u_->blocks.push_back({w.is_async ? FrameBlock::Kind::AsyncWith : FrameBlock::Kind::With});
        if (item + 1 < w.items.size())
            with_stmt(w, item + 1);
        else
            statements(w.body);
        u_->blocks.pop_back();
        emit(Op::PopBlock);
        emit(Op::ExitWithNone);
        if (w.is_async) {
            emit(Op::GetAwaitable, 2);
            emit_const(Value());
            send_loop();
        }
        emit(Op::PopTop);
        emit_jump(Op::Jump, end);

        // The exception path: [exit, exc].
        bind(handler);
        emit_jump(Op::SetupFinally, cleanup);
        emit(Op::PushExcInfo);
        emit(Op::WithExceptStart);
        if (w.is_async) {
            emit(Op::GetAwaitable, 2);
            emit_const(Value());
            send_loop();
        }
        emit_jump(Op::PopJumpIfTrue, suppress);
        emit(Op::Reraise);
        bind(suppress);
        emit(Op::PopTop);
        emit(Op::PopBlock);
        emit(Op::PopExcept);
        emit(Op::PopTop);
        emit_jump(Op::Jump, end);
        bind(cleanup);
        emit(Op::PopExceptAndReraise);
        bind(end);
    }

    void try_except(const ast::Try& t) {
        int handlers = new_label();
        int cleanup = new_label();
        int end = new_label();
        emit_jump(Op::SetupFinally, handlers);
        u_->blocks.push_back({FrameBlock::Kind::TryExcept});
        statements(t.body);
        u_->blocks.pop_back();
        emit(Op::PopBlock);
        statements(t.orelse);
        emit_jump(Op::Jump, end);

        bind(handlers);
        emit_jump(Op::SetupFinally, cleanup);
        emit(Op::PushExcInfo);
        for (const auto& h : t.handlers) {
            LocationScope at(u_, h.location);
            int next = new_label();
            if (h.type) {
                expression(*h.type);
                emit(Op::CheckExcMatch);
                emit_jump(Op::PopJumpIfFalse, next);
            }
            handler_body(h, end);
            bind(next);
        }
        emit(Op::Reraise);
        bind(cleanup);
        emit(Op::PopExceptAndReraise);
        bind(end);
    }

    // The body of a matched handler: stack [prev, exc]; leaves through POP_EXCEPT to `end`.
    void handler_body(const ast::ExceptHandler& h, int end) {
        int name_cleanup = new_label();
        if (h.name) {
            name_op(*h.name, ast::ExprContext::Store);
            emit_jump(Op::SetupFinally, name_cleanup);
        } else {
            emit(Op::PopTop);
        }
        FrameBlock b{FrameBlock::Kind::HandlerCleanup};
        b.handler_name = h.name ? &*h.name : nullptr;
        u_->blocks.push_back(b);
        statements(h.body);
        u_->blocks.pop_back();
        if (h.name) {
            emit(Op::PopBlock);
            emit_const(Value());
            name_op(*h.name, ast::ExprContext::Store);
            name_op(*h.name, ast::ExprContext::Del);
        }
        emit(Op::PopBlock);
        emit(Op::PopExcept);
        emit_jump(Op::Jump, end);
        if (h.name) {
            bind(name_cleanup);
            emit_const(Value());
            name_op(*h.name, ast::ExprContext::Store);
            name_op(*h.name, ast::ExprContext::Del);
            emit(Op::Reraise);
        }
    }

    // try ... except* ...: each handler takes the matching part of the group; what was not
    // matched, plus what the handlers raised, is raised again as one group (PREP_RERAISE_STAR).
    void try_star(const ast::Try& t) {
        int handlers = new_label();
        int cleanup = new_label();
        int end = new_label();
        int reraise = new_label();
        emit_jump(Op::SetupFinally, handlers);
        u_->blocks.push_back({FrameBlock::Kind::TryExcept});
        statements(t.body);
        u_->blocks.pop_back();
        emit(Op::PopBlock);
        statements(t.orelse);
        emit_jump(Op::Jump, end);

        // Stack: [exc] → [prev, orig, list of raised, rest]
        bind(handlers);
        emit_jump(Op::SetupFinally, cleanup);
        emit(Op::PushExcInfo);
        emit(Op::Copy, 1);       // [prev, orig, rest=orig]
        emit(Op::BuildList, 0);  // [prev, orig, rest, raised]
        emit(Op::Swap, 2);       // [prev, orig, raised, rest]
        for (const auto& h : t.handlers) {
            LocationScope at(u_, h.location);
            int next = new_label();
            int handler_end = new_label();
            int raised = new_label();
            expression(*h.type);
            emit(Op::CheckEgMatch);  // [.., rest, match]
            emit(Op::Copy, 1);
            emit_const(Value());
            emit(Op::IsOp, 0);
            emit_jump(Op::PopJumpIfTrue, next);
            // [prev, orig, raised, rest, match]
            if (h.name)
                name_op(*h.name, ast::ExprContext::Store);
            else
                emit(Op::PopTop);
            emit_jump(Op::SetupFinally, raised);
            statements(h.body);
            emit(Op::PopBlock);
            if (h.name) {
                emit_const(Value());
                name_op(*h.name, ast::ExprContext::Store);
                name_op(*h.name, ast::ExprContext::Del);
            }
            emit_jump(Op::Jump, handler_end);
            // Raised inside the handler: [prev, orig, raised, rest, new]
            bind(raised);
            if (h.name) {
                emit_const(Value());
                name_op(*h.name, ast::ExprContext::Store);
                name_op(*h.name, ast::ExprContext::Del);
            }
            emit(Op::ListAppend, 2);
            emit_jump(Op::Jump, handler_end);
            bind(next);
            emit(Op::PopTop);  // the None match
            bind(handler_end);
        }
        // [prev, orig, raised, rest]
        emit(Op::ListAppend, 1);    // the unmatched rest joins the raised list
        emit(Op::PrepReraiseStar);  // [prev, to_raise or None]
        emit(Op::Copy, 1);
        emit_const(Value());
        emit(Op::IsOp, 0);
        emit_jump(Op::PopJumpIfFalse, reraise);
        emit(Op::PopTop);
        emit(Op::PopBlock);
        emit(Op::PopExcept);
        emit_jump(Op::Jump, end);
        bind(reraise);
        emit(Op::Reraise);
        bind(cleanup);
        emit(Op::PopExceptAndReraise);
        bind(end);
    }

    void try_finally(const ast::Try& t) {
        int handler = new_label();
        int cleanup = new_label();
        int end = new_label();
        emit_jump(Op::SetupFinally, handler);
        FrameBlock fb{FrameBlock::Kind::FinallyTry};
        fb.finalbody = &t.finalbody;
        u_->blocks.push_back(fb);
        if (!t.handlers.empty()) {
            if (t.is_star)
                try_star(t);
            else
                try_except(t);
        } else {
            statements(t.body);
        }
        u_->blocks.pop_back();
        emit(Op::PopBlock);
        statements(t.finalbody);
        emit_jump(Op::Jump, end);

        bind(handler);
        emit_jump(Op::SetupFinally, cleanup);
        emit(Op::PushExcInfo);
        u_->blocks.push_back({FrameBlock::Kind::FinallyEnd});
        statements(t.finalbody);
        u_->blocks.pop_back();
        emit(Op::Reraise);
        bind(cleanup);
        emit(Op::PopExceptAndReraise);
        bind(end);
    }

    // --- assignment targets -----------------------------------------------------------------

    void store_target(const Expr& e) {
        LocationScope at(u_, e.location);
        switch (e.kind) {
            case ExprKind::Name:
                name_op(ast::as<ast::Name>(e).id, ast::ExprContext::Store);
                return;
            case ExprKind::Attribute: {
                const auto& a = ast::as<ast::Attribute>(e);
                expression(*a.value);
                emit(Op::StoreAttr, name(a.attr));
                return;
            }
            case ExprKind::Subscript: {
                const auto& s = ast::as<ast::Subscript>(e);
                expression(*s.value);
                subscript_key(*s.slice);
                emit(Op::StoreSubscr);
                return;
            }
            case ExprKind::Tuple:
            case ExprKind::List: {
                const ast::ExprList& elts = e.kind == ExprKind::Tuple ? ast::as<ast::Tuple>(e).elts
                                                                      : ast::as<ast::List>(e).elts;
                std::size_t star = elts.size();
                for (std::size_t i = 0; i < elts.size(); ++i) {
                    if (elts[i]->kind == ExprKind::Starred) {
                        if (star != elts.size())
                            error("multiple starred expressions in assignment", elts[i]->location);
                        star = i;
                    }
                }
                if (star == elts.size()) {
                    emit(Op::UnpackSequence, u32(elts.size()));
                } else {
                    std::size_t after = elts.size() - star - 1;
                    emit(Op::UnpackEx, u32(star | (after << 8)));
                }
                for (const auto& elt : elts) {
                    if (elt->kind == ExprKind::Starred)
                        store_target(*ast::as<ast::Starred>(*elt).value);
                    else
                        store_target(*elt);
                }
                return;
            }
            case ExprKind::Starred:
                error("starred assignment target must be in a list or tuple", e.location);
            default:
                error("cannot assign to expression", e.location);
        }
    }

    void delete_target(const Expr& e) {
        LocationScope at(u_, e.location);
        switch (e.kind) {
            case ExprKind::Name:
                name_op(ast::as<ast::Name>(e).id, ast::ExprContext::Del);
                return;
            case ExprKind::Attribute: {
                const auto& a = ast::as<ast::Attribute>(e);
                expression(*a.value);
                emit(Op::DeleteAttr, name(a.attr));
                return;
            }
            case ExprKind::Subscript: {
                const auto& s = ast::as<ast::Subscript>(e);
                expression(*s.value);
                subscript_key(*s.slice);
                emit(Op::DeleteSubscr);
                return;
            }
            case ExprKind::Tuple:
                for (const auto& elt : ast::as<ast::Tuple>(e).elts)
                    delete_target(*elt);
                return;
            case ExprKind::List:
                for (const auto& elt : ast::as<ast::List>(e).elts)
                    delete_target(*elt);
                return;
            default:
                error("cannot delete expression", e.location);
        }
    }

    void aug_assign(const ast::AugAssign& a) {
        auto op = static_cast<std::uint32_t>(number_op(a.op));
        const Expr& t = *a.target;
        switch (t.kind) {
            case ExprKind::Name:
                name_op(ast::as<ast::Name>(t).id, ast::ExprContext::Load);
                expression(*a.value);
                {
                    LocationScope at(u_, a.location);
                    emit(Op::InplaceOp, op);
                }
                name_op(ast::as<ast::Name>(t).id, ast::ExprContext::Store);
                return;
            case ExprKind::Attribute: {
                const auto& at = ast::as<ast::Attribute>(t);
                expression(*at.value);
                emit(Op::Copy, 1);
                emit(Op::LoadAttr, name(at.attr));
                expression(*a.value);
                emit(Op::InplaceOp, op);
                emit(Op::Swap, 2);
                emit(Op::StoreAttr, name(at.attr));
                return;
            }
            case ExprKind::Subscript: {
                const auto& s = ast::as<ast::Subscript>(t);
                expression(*s.value);
                subscript_key(*s.slice);
                emit(Op::Copy, 2);
                emit(Op::Copy, 2);
                emit(Op::BinarySubscr);
                expression(*a.value);
                emit(Op::InplaceOp, op);
                emit(Op::Swap, 3);
                emit(Op::Swap, 2);
                emit(Op::StoreSubscr);
                return;
            }
            default:
                error("'" + std::string("expression") +
                          "' is an illegal expression for augmented assignment",
                      t.location);
        }
    }

    // --- expressions ------------------------------------------------------------------------

    void subscript_key(const Expr& slice) {
        if (slice.kind == ExprKind::Slice) {
            const auto& s = ast::as<ast::Slice>(slice);
            if (s.lower)
                expression(*s.lower);
            else
                emit_const(Value());
            if (s.upper)
                expression(*s.upper);
            else
                emit_const(Value());
            if (s.step) {
                expression(*s.step);
                emit(Op::BuildSlice, 3);
            } else {
                emit(Op::BuildSlice, 2);
            }
            return;
        }
        expression(slice);
    }

    static bool has_starred(const ast::ExprList& elts) {
        for (const auto& e : elts)
            if (e->kind == ExprKind::Starred)
                return true;
        return false;
    }

    // What CPython's AST optimizer folds into a constant: literals, unary operators on them and
    // tuples of them.
    static bool is_folded_constant(const Expr& e) {
        switch (e.kind) {
            case ExprKind::Constant:
                return true;
            case ExprKind::UnaryOp:
                return is_folded_constant(*ast::as<ast::UnaryOpExpr>(e).operand);
            case ExprKind::BinOp: {
                // Arithmetic on numbers (2 ** 40): folded unless it fails, in which case the
                // display raises before the order matters.
                const auto& b = ast::as<ast::BinOpExpr>(e);
                return is_number_constant(*b.left) && is_number_constant(*b.right);
            }
            case ExprKind::Tuple:
                for (const auto& item : ast::as<ast::Tuple>(e).elts)
                    if (!is_folded_constant(*item))
                        return false;
                return true;
            default:
                return false;
        }
    }

    static bool is_number_constant(const Expr& e) {
        if (e.kind == ExprKind::UnaryOp)
            return is_number_constant(*ast::as<ast::UnaryOpExpr>(e).operand);
        if (e.kind == ExprKind::BinOp) {
            const auto& b = ast::as<ast::BinOpExpr>(e);
            return is_number_constant(*b.left) && is_number_constant(*b.right);
        }
        if (e.kind != ExprKind::Constant)
            return false;
        auto type = ast::as<ast::Constant>(e).type;
        return type == ast::Constant::Type::Int || type == ast::Constant::Type::Float ||
               type == ast::Constant::Type::True || type == ast::Constant::Type::False;
    }

    static bool all_folded_constants(const ast::ExprList& elts) {
        for (const auto& e : elts)
            if (!is_folded_constant(*e))
                return false;
        return true;
    }

    // The iterable of a `for` or a comprehension. CPython's AST optimizer turns a set display of
    // constants there into a frozenset constant, iterated directly: its order differs from
    // the set a display builds.
    void iterable(const Expr& iter) {
        if (iter.kind != ExprKind::Set) {
            expression(iter);
            return;
        }
        const auto& elts = ast::as<ast::Set>(iter).elts;
        if (has_starred(elts) || !all_folded_constants(elts)) {
            expression(iter);
            return;
        }
        for (const auto& e : elts)
            expression(*e);
        emit(Op::BuildConstFrozenset, u32(elts.size()));
    }

    // Builds a tuple / list / set of `elts`, with *starred parts.
    void sequence(const ast::ExprList& elts, Op build) {
        if (!has_starred(elts)) {
            for (const auto& e : elts)
                expression(*e);
            bool folded_set =
                build == Op::BuildSet && elts.size() > 2 && all_folded_constants(elts);
            emit(folded_set ? Op::BuildConstSet : build, u32(elts.size()));
            return;
        }
        if (build == Op::BuildSet) {
            emit(Op::BuildSet, 0);
            for (const auto& e : elts) {
                if (e->kind == ExprKind::Starred) {
                    expression(*ast::as<ast::Starred>(*e).value);
                    emit(Op::SetUpdate, 1);
                } else {
                    expression(*e);
                    emit(Op::SetAdd, 1);
                }
            }
            return;
        }
        emit(Op::BuildList, 0);
        for (const auto& e : elts) {
            if (e->kind == ExprKind::Starred) {
                expression(*ast::as<ast::Starred>(*e).value);
                emit(Op::ListExtend, 1);
            } else {
                expression(*e);
                emit(Op::ListAppend, 1);
            }
        }
        if (build == Op::BuildTuple)
            emit(Op::ListToTuple);
    }

    void constant(const ast::Constant& c) {
        switch (c.type) {
            case ast::Constant::Type::None:
                emit_const(Value());
                return;
            case ast::Constant::Type::True:
                emit_const(Value::boolean(true));
                return;
            case ast::Constant::Type::False:
                emit_const(Value::boolean(false));
                return;
            case ast::Constant::Type::Int:
                emit_const(Value::integer(c.int_value));
                return;
            case ast::Constant::Type::Float:
                emit_const(Value::floating(c.float_value));
                return;
            case ast::Constant::Type::Str:
            case ast::Constant::Type::Bytes:
                emit_str(c.str_value);
                return;
            case ast::Constant::Type::Ellipsis:
                emit_const(rt_.ellipsis());
                return;
        }
    }

    void expression(const Expr& e) {
        LocationScope at(u_, e.location);
        switch (e.kind) {
            case ExprKind::BoolOp: {
                const auto& b = ast::as<ast::BoolOpExpr>(e);
                int end = new_label();
                Op jump = b.op == ast::BoolOp::And ? Op::JumpIfFalseOrPop : Op::JumpIfTrueOrPop;
                for (std::size_t i = 0; i < b.values.size(); ++i) {
                    expression(*b.values[i]);
                    if (i + 1 < b.values.size())
                        emit_jump(jump, end);
                }
                bind(end);
                return;
            }
            case ExprKind::NamedExpr: {
                const auto& n = ast::as<ast::NamedExpr>(e);
                expression(*n.value);
                emit(Op::Copy, 1);
                store_target(*n.target);
                return;
            }
            case ExprKind::BinOp: {
                const auto& b = ast::as<ast::BinOpExpr>(e);
                expression(*b.left);
                expression(*b.right);
                LocationScope op_at(u_, e.location);
                emit(Op::BinaryOp, static_cast<std::uint32_t>(number_op(b.op)));
                record_anchors(e);
                return;
            }
            case ExprKind::UnaryOp: {
                const auto& u = ast::as<ast::UnaryOpExpr>(e);
                expression(*u.operand);
                switch (u.op) {
                    case ast::UnaryOp::Invert:
                        emit(Op::UnaryInvert);
                        break;
                    case ast::UnaryOp::Not:
                        emit(Op::UnaryNot);
                        break;
                    case ast::UnaryOp::UAdd:
                        emit(Op::UnaryPositive);
                        break;
                    case ast::UnaryOp::USub:
                        emit(Op::UnaryNegative);
                        break;
                }
                return;
            }
            case ExprKind::Lambda:
                lambda(ast::as<ast::Lambda>(e));
                return;
            case ExprKind::IfExp: {
                const auto& i = ast::as<ast::IfExp>(e);
                int orelse = new_label();
                int end = new_label();
                expression(*i.test);
                emit_jump(Op::PopJumpIfFalse, orelse);
                expression(*i.body);
                emit_jump(Op::Jump, end);
                bind(orelse);
                expression(*i.orelse);
                bind(end);
                return;
            }
            case ExprKind::Dict: {
                const auto& d = ast::as<ast::Dict>(e);
                bool spread = std::any_of(d.keys.begin(), d.keys.end(),
                                          [](const ast::ExprPtr& k) { return !k; });
                if (!spread) {
                    for (std::size_t i = 0; i < d.values.size(); ++i) {
                        expression(*d.keys[i]);
                        expression(*d.values[i]);
                    }
                    emit(Op::BuildMap, u32(d.values.size()));
                    return;
                }
                emit(Op::BuildMap, 0);
                for (std::size_t i = 0; i < d.values.size(); ++i) {
                    if (d.keys[i]) {
                        expression(*d.keys[i]);
                        expression(*d.values[i]);
                        emit(Op::MapAdd, 1);
                    } else {
                        expression(*d.values[i]);
                        emit(Op::DictUpdate, 1);
                    }
                }
                return;
            }
            case ExprKind::Set:
                sequence(ast::as<ast::Set>(e).elts, Op::BuildSet);
                return;
            case ExprKind::ListComp: {
                const auto& c = ast::as<ast::ListComp>(e);
                comprehension(&c, "<listcomp>", c.generators, c.elt.get(), nullptr);
                return;
            }
            case ExprKind::SetComp: {
                const auto& c = ast::as<ast::SetComp>(e);
                comprehension(&c, "<setcomp>", c.generators, c.elt.get(), nullptr);
                return;
            }
            case ExprKind::DictComp: {
                const auto& c = ast::as<ast::DictComp>(e);
                comprehension(&c, "<dictcomp>", c.generators, c.key.get(), c.value.get());
                return;
            }
            case ExprKind::GeneratorExp: {
                const auto& c = ast::as<ast::GeneratorExp>(e);
                comprehension(&c, "<genexpr>", c.generators, c.elt.get(), nullptr);
                return;
            }
            case ExprKind::Await:
                expression(*ast::as<ast::Await>(e).value);
                emit(Op::GetAwaitable, 0);
                emit_const(Value());
                send_loop();
                return;
            case ExprKind::Yield: {
                const auto& y = ast::as<ast::Yield>(e);
                if (y.value)
                    expression(*y.value);
                else
                    emit_const(Value());
                emit(Op::YieldValue, 0);
                return;
            }
            case ExprKind::YieldFrom:
                expression(*ast::as<ast::YieldFrom>(e).value);
                emit(Op::GetYieldFromIter);
                emit_const(Value());
                send_loop();
                return;
            case ExprKind::Compare:
                compare(ast::as<ast::Compare>(e));
                return;
            case ExprKind::Call:
                call(ast::as<ast::Call>(e));
                return;
            case ExprKind::FormattedValue: {
                const auto& f = ast::as<ast::FormattedValue>(e);
                expression(*f.value);
                std::uint32_t conv = 0;
                if (f.conversion == 's')
                    conv = 1;
                else if (f.conversion == 'r')
                    conv = 2;
                else if (f.conversion == 'a')
                    conv = 3;
                if (f.format_spec) {
                    expression(*f.format_spec);
                    conv |= 4;
                }
                emit(Op::FormatValue, conv);
                return;
            }
            case ExprKind::JoinedStr: {
                const auto& j = ast::as<ast::JoinedStr>(e);
                if (j.values.size() == 1 && j.values[0]->kind == ExprKind::Constant) {
                    expression(*j.values[0]);
                    return;
                }
                for (const auto& v : j.values)
                    expression(*v);
                emit(Op::BuildString, u32(j.values.size()));
                return;
            }
            case ExprKind::Constant:
                constant(ast::as<ast::Constant>(e));
                return;
            case ExprKind::Attribute: {
                const auto& a = ast::as<ast::Attribute>(e);
                expression(*a.value);
                LocationScope attr_at(u_, e.location);
                emit(Op::LoadAttr, name(a.attr));
                return;
            }
            case ExprKind::Subscript: {
                const auto& s = ast::as<ast::Subscript>(e);
                expression(*s.value);
                subscript_key(*s.slice);
                LocationScope sub_at(u_, e.location);
                emit(Op::BinarySubscr);
                record_anchors(e);
                return;
            }
            case ExprKind::Starred:
                error("can't use starred expression here", e.location);
            case ExprKind::Name:
                name_op(ast::as<ast::Name>(e).id, ast::ExprContext::Load);
                return;
            case ExprKind::List:
                sequence(ast::as<ast::List>(e).elts, Op::BuildList);
                return;
            case ExprKind::Tuple:
                sequence(ast::as<ast::Tuple>(e).elts, Op::BuildTuple);
                return;
            case ExprKind::Slice:
                subscript_key(e);
                return;
        }
    }

    void compare(const ast::Compare& c) {
        auto one = [&](ast::CompareOp op) {
            switch (op) {
                case ast::CompareOp::Eq:
                    emit(Op::CompareOp, static_cast<std::uint32_t>(CompareOp::Eq));
                    break;
                case ast::CompareOp::NotEq:
                    emit(Op::CompareOp, static_cast<std::uint32_t>(CompareOp::Ne));
                    break;
                case ast::CompareOp::Lt:
                    emit(Op::CompareOp, static_cast<std::uint32_t>(CompareOp::Lt));
                    break;
                case ast::CompareOp::LtE:
                    emit(Op::CompareOp, static_cast<std::uint32_t>(CompareOp::Le));
                    break;
                case ast::CompareOp::Gt:
                    emit(Op::CompareOp, static_cast<std::uint32_t>(CompareOp::Gt));
                    break;
                case ast::CompareOp::GtE:
                    emit(Op::CompareOp, static_cast<std::uint32_t>(CompareOp::Ge));
                    break;
                case ast::CompareOp::Is:
                    emit(Op::IsOp, 0);
                    break;
                case ast::CompareOp::IsNot:
                    emit(Op::IsOp, 1);
                    break;
                case ast::CompareOp::In:
                    emit(Op::ContainsOp, 0);
                    break;
                case ast::CompareOp::NotIn:
                    emit(Op::ContainsOp, 1);
                    break;
            }
        };
        expression(*c.left);
        if (c.ops.size() == 1) {
            expression(*c.comparators[0]);
            one(c.ops[0]);
            return;
        }
        int cleanup = new_label();
        int end = new_label();
        for (std::size_t i = 0; i + 1 < c.ops.size(); ++i) {
            expression(*c.comparators[i]);
            emit(Op::Swap, 2);
            emit(Op::Copy, 2);
            one(c.ops[i]);
            emit_jump(Op::JumpIfFalseOrPop, cleanup);
        }
        expression(*c.comparators.back());
        one(c.ops.back());
        emit_jump(Op::Jump, end);
        bind(cleanup);
        emit(Op::Swap, 2);
        emit(Op::PopTop);
        bind(end);
    }

    bool zero_arg_super(const ast::Call& c) {
        if (c.func->kind != ExprKind::Name || ast::as<ast::Name>(*c.func).id != "super" ||
            !c.args.empty() || !c.keywords.empty())
            return false;
        Scope& s = *u_->scope;
        if (s.kind != ScopeKind::Function || !s.uses_class_cell || s.parameters.empty())
            return false;
        name_op("super", ast::ExprContext::Load);
        emit(Op::LoadDeref, deref_index("__class__"));
        name_op(s.parameters[0], ast::ExprContext::Load);
        emit(Op::Call, 2);
        return true;
    }

    void call(const ast::Call& c) {
        if (zero_arg_super(c))
            return;
        bool starred = has_starred(c.args);
        bool double_star = std::any_of(c.keywords.begin(), c.keywords.end(),
                                       [](const ast::Keyword& k) { return !k.arg; });
        if (!starred && !double_star && c.keywords.empty() && c.func->kind == ExprKind::Attribute) {
            const auto& a = ast::as<ast::Attribute>(*c.func);
            expression(*a.value);
            {
                LocationScope at(u_, c.func->location);
                emit(Op::LoadMethod, name(a.attr));
            }
            for (const auto& arg : c.args)
                expression(*arg);
            emit(Op::CallMethod, u32(c.args.size()));
            return;
        }
        expression(*c.func);
        if (!starred && !double_star) {
            for (const auto& arg : c.args)
                expression(*arg);
            if (c.keywords.empty()) {
                emit(Op::Call, u32(c.args.size()));
                return;
            }
            std::vector<std::string> names;
            for (const auto& k : c.keywords) {
                expression(*k.value);
                names.push_back(*k.arg);
            }
            auto& code = *u_->code;
            code.keyword_names.push_back(names);
            emit(Op::CallKw, u32(c.args.size() + c.keywords.size()),
                 static_cast<std::uint16_t>(code.keyword_names.size() - 1));
            return;
        }
        sequence(c.args, Op::BuildTuple);
        if (c.keywords.empty()) {
            emit(Op::CallEx, 0);
            return;
        }
        emit(Op::BuildMap, 0);
        for (const auto& k : c.keywords) {
            if (k.arg) {
                emit_str(*k.arg);
                expression(*k.value);
                emit(Op::MapAdd, 1);
            } else {
                expression(*k.value);
                emit(Op::DictMerge, 1);
            }
        }
        emit(Op::CallEx, 1);
    }

    void comprehension(const void* node, const char* kind,
                       const std::vector<ast::Comprehension>& generators, const Expr* elt,
                       const Expr* value) {
        Scope& scope = table_.scope_of(node);
        bool genexpr = std::string(kind) == "<genexpr>";
        enter(scope, kind, child_qualname(kind), u_->location.line);
        CodeObject& code = *u_->code;
        if (genexpr) {
            code.flags |= scope.is_async ? CodeObject::kAsyncGenerator : CodeObject::kGenerator;
        } else {
            code.flags |= CodeObject::kHiddenFrame;
            if (scope.is_async)
                code.flags |= CodeObject::kCoroutine;
        }
        code.argcount = 1;
        if (!genexpr) {
            Op build = std::string(kind) == "<listcomp>"  ? Op::BuildList
                       : std::string(kind) == "<setcomp>" ? Op::BuildSet
                                                          : Op::BuildMap;
            emit(build, 0);
        }
        comprehension_generator(generators, 0, elt, value, kind, genexpr);
        if (genexpr)
            emit_const(Value());
        emit(Op::ReturnValue);
        auto child = leave();
        make_function(child, nullptr);
        iterable(*generators[0].iter);
        emit(generators[0].is_async ? Op::GetAiter : Op::GetIter);
        emit(Op::Call, 1);
        if (!genexpr && scope.is_async) {
            emit(Op::GetAwaitable, 0);
            emit_const(Value());
            send_loop();
        }
    }

    void comprehension_generator(const std::vector<ast::Comprehension>& generators,
                                 std::size_t index, const Expr* elt, const Expr* value,
                                 const char* kind, bool genexpr) {
        const auto& g = generators[index];
        int start = new_label();
        int end = new_label();
        int anext_end = new_label();
        if (index == 0) {
            emit(Op::LoadFast, 0);
        } else {
            iterable(*g.iter);
            emit(g.is_async ? Op::GetAiter : Op::GetIter);
        }
        bind(start);
        if (g.is_async) {
            emit_jump(Op::SetupFinally, anext_end);
            emit(Op::GetAnext);
            emit(Op::GetAwaitable, 0);
            emit_const(Value());
            send_loop();
            emit(Op::PopBlock);
        } else {
            emit_jump(Op::ForIter, end);
        }
        store_target(*g.target);
        for (const auto& cond : g.ifs) {
            expression(*cond);
            emit_jump(Op::PopJumpIfFalse, start);
        }
        if (index + 1 < generators.size()) {
            comprehension_generator(generators, index + 1, elt, value, kind, genexpr);
        } else if (genexpr) {
            expression(*elt);
            emit(Op::YieldValue, 0);
            emit(Op::PopTop);
        } else {
            auto depth = u32(generators.size() + 1);
            if (value) {
                expression(*elt);
                expression(*value);
                emit(Op::MapAdd, depth);
            } else {
                expression(*elt);
                emit(std::string(kind) == "<listcomp>" ? Op::ListAppend : Op::SetAdd, depth);
            }
        }
        emit_jump(Op::Jump, start);
        if (g.is_async) {
            bind(anext_end);
            emit(Op::EndAsyncFor);
        } else {
            bind(end);
        }
    }
};

std::string line_of(std::string_view source, std::uint32_t line) {
    std::uint32_t current = 1;
    std::size_t start = 0;
    while (current < line) {
        std::size_t nl = source.find('\n', start);
        if (nl == std::string_view::npos)
            return {};
        start = nl + 1;
        ++current;
    }
    std::size_t end = source.find('\n', start);
    std::string text(
        source.substr(start, end == std::string_view::npos ? source.size() - start : end - start));
    if (!text.empty() && text.back() == '\r')
        text.pop_back();
    return text;
}

}  // namespace

bool has_jump_target(Op op) {
    switch (op) {
        case Op::Jump:
        case Op::PopJumpIfFalse:
        case Op::PopJumpIfTrue:
        case Op::JumpIfFalseOrPop:
        case Op::JumpIfTrueOrPop:
        case Op::ForIter:
        case Op::Send:
        case Op::SetupFinally:
            return true;
        default:
            return false;
    }
}

int stack_effect(const Instruction& ins, bool jump) {
    int a = static_cast<int>(ins.a);
    switch (ins.op) {
        case Op::Nop:
        case Op::Swap:
        case Op::DeleteFast:
        case Op::DeleteDeref:
        case Op::DeleteName:
        case Op::DeleteGlobal:
        case Op::LoadAttr:
        case Op::UnaryNegative:
        case Op::UnaryPositive:
        case Op::UnaryInvert:
        case Op::UnaryNot:
        case Op::ListToTuple:
        case Op::Jump:
        case Op::GetIter:
        case Op::YieldValue:
        case Op::GetAwaitable:
        case Op::GetYieldFromIter:
        case Op::GetAiter:
        case Op::PopBlock:
        case Op::CheckExcMatch:
        case Op::CheckEgMatch:
        case Op::ExitWithNone:
        case Op::ImportName:
        case Op::SetupAnnotations:
            return 0;
        case Op::PopTop:
        case Op::StoreFast:
        case Op::StoreDeref:
        case Op::StoreName:
        case Op::StoreGlobal:
        case Op::DeleteAttr:
        case Op::BinaryOp:
        case Op::InplaceOp:
        case Op::CompareOp:
        case Op::IsOp:
        case Op::ContainsOp:
        case Op::BinarySubscr:
        case Op::ListAppend:
        case Op::SetAdd:
        case Op::ListExtend:
        case Op::SetUpdate:
        case Op::DictUpdate:
        case Op::DictMerge:
        case Op::PopJumpIfFalse:
        case Op::PopJumpIfTrue:
        case Op::ReturnValue:
        case Op::PopExcept:
        case Op::Reraise:
        case Op::PrepReraiseStar:
        case Op::ImportStar:
            return -1;
        case Op::Copy:
        case Op::LoadConst:
        case Op::LoadFast:
        case Op::LoadFastChecked:
        case Op::LoadDeref:
        case Op::LoadClassDeref:
        case Op::LoadClosure:
        case Op::LoadName:
        case Op::LoadGlobal:
        case Op::LoadMethod:
        case Op::GetAnext:
        case Op::PushExcInfo:
        case Op::LoadAssertionError:
        case Op::BeforeWith:
        case Op::BeforeAsyncWith:
        case Op::WithExceptStart:
        case Op::ImportFrom:
        case Op::LoadLocals:
        case Op::SuperCall:
            return 1;
        case Op::StoreAttr:
        case Op::DeleteSubscr:
        case Op::MapAdd:
        case Op::EndAsyncFor:
        case Op::PopExceptAndReraise:
        case Op::BuildClass:
            return -2;
        case Op::StoreSubscr:
            return -3;
        case Op::CallMethod:
            return -a - 1;
        case Op::BuildSlice:
        case Op::BuildTuple:
        case Op::BuildList:
        case Op::BuildSet:
        case Op::BuildConstSet:
        case Op::BuildConstFrozenset:
        case Op::BuildString:
            return 1 - a;
        case Op::BuildMap:
            return 1 - 2 * a;
        case Op::FormatValue:
            return (a & 4) ? -1 : 0;
        case Op::UnpackSequence:
            return a - 1;
        case Op::UnpackEx:
            return (a & 0xff) + (a >> 8);
        case Op::JumpIfFalseOrPop:
        case Op::JumpIfTrueOrPop:
            return jump ? 0 : -1;
        case Op::ForIter:
            return jump ? -1 : 1;
        case Op::Call:
        case Op::CallKw:
            return -a;
        case Op::CallEx:
            return a ? -2 : -1;
        case Op::MakeFunction:
            return 1 - static_cast<int>(ins.b);
        case Op::Send:
            return jump ? -1 : 0;
        case Op::SetupFinally:
            return jump ? 1 - static_cast<int>(ins.b) : 0;
        case Op::RaiseVarargs:
            return -a;
        case Op::Count:
            return 0;
    }
    return 0;
}

CompileOutcome compile_module(Runtime& rt, const ast::Module& module, const std::string& filename,
                              std::string_view source) {
    CompileOutcome outcome;
    try {
        auto table = SymbolTable::build(module);
        Compiler compiler(rt, *table, filename, source);
        outcome.code = compiler.module(module);
    } catch (const CompileError& e) {
        SyntaxErrorInfo info;
        info.type = "SyntaxError";
        info.message = e.message;
        info.filename = filename;
        info.line = static_cast<int>(e.location.line);
        info.offset = static_cast<int>(e.location.column) + 1;
        info.end_line = static_cast<int>(e.location.end_line);
        info.end_offset = static_cast<int>(e.location.end_column) + 1;
        info.text = line_of(source, e.location.line);
        outcome.error = std::move(info);
    }
    return outcome;
}

}  // namespace loopscope::script::vm
