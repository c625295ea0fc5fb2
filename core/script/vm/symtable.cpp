#include "script/vm/symtable.h"

#include <algorithm>
#include <set>

namespace loopscope::script::vm {

namespace {

enum SymbolFlag : unsigned {
    kDefLocal = 1u << 0,
    kDefParam = 1u << 1,
    kDefGlobal = 1u << 2,
    kDefNonlocal = 1u << 3,
    kUse = 1u << 4,
};

class Builder {
public:
    explicit Builder(SymbolTable& table) : table_(table) {}

    void module(const ast::Module& m) {
        current_ = table_.add_scope(ScopeKind::Module, "<module>", nullptr, &m);
        statements(m.body);
    }

private:
    SymbolTable& table_;
    Scope* current_ = nullptr;
    ast::Location location_;

    void note(const std::string& name, unsigned flag, const ast::Location& at) {
        auto [it, inserted] = current_->flags.try_emplace(name, 0u);
        if (inserted)
            current_->order.push_back(name);
        (void)at;
        it->second |= flag;
    }

    void statements(const ast::StmtList& body) {
        for (const auto& s : body)
            statement(*s);
    }

    void arguments_defaults(const ast::Arguments& args) {
        for (const auto& d : args.defaults)
            expression(*d);
        for (const auto& d : args.kw_defaults)
            if (d)
                expression(*d);
    }

    void parameters(const ast::Arguments& args) {
        auto add = [&](const ast::Arg& a) {
            const auto seen = current_->flags.find(a.name);
            if (seen != current_->flags.end() && (seen->second & kDefParam))
                throw CompileError{"duplicate argument '" + a.name + "' in function definition",
                                   a.location};
            current_->parameters.push_back(a.name);
            note(a.name, kDefParam, a.location);
        };
        for (const auto& a : args.posonlyargs)
            add(a);
        for (const auto& a : args.args)
            add(a);
        for (const auto& a : args.kwonlyargs)
            add(a);
        if (args.vararg)
            add(*args.vararg);
        if (args.kwarg)
            add(*args.kwarg);
    }

    void function(const void* node, const std::string& name, const ast::Arguments& args,
                  bool is_async, const ast::StmtList* body, const ast::Expr* lambda_body) {
        Scope* saved = current_;
        current_ = table_.add_scope(ScopeKind::Function, name, saved, node);
        current_->is_async = is_async;
        current_->is_lambda = lambda_body != nullptr;
        parameters(args);
        if (body)
            statements(*body);
        if (lambda_body)
            expression(*lambda_body);
        current_ = saved;
    }

    void statement(const ast::Stmt& s) {
        location_ = s.location;
        switch (s.kind) {
            case ast::StmtKind::FunctionDef:
            case ast::StmtKind::AsyncFunctionDef: {
                const auto& f = ast::as<ast::FunctionDef>(s);
                for (const auto& d : f.decorator_list)
                    expression(*d);
                arguments_defaults(f.args);
                note(f.name, kDefLocal, s.location);
                function(&f, f.name, f.args, f.is_async, &f.body, nullptr);
                break;
            }
            case ast::StmtKind::ClassDef: {
                const auto& c = ast::as<ast::ClassDef>(s);
                for (const auto& d : c.decorator_list)
                    expression(*d);
                for (const auto& b : c.bases)
                    expression(*b);
                for (const auto& k : c.keywords)
                    expression(*k.value);
                note(c.name, kDefLocal, s.location);
                Scope* saved = current_;
                current_ = table_.add_scope(ScopeKind::Class, c.name, saved, &c);
                statements(c.body);
                current_ = saved;
                break;
            }
            case ast::StmtKind::Return: {
                const auto& r = ast::as<ast::Return>(s);
                if (r.value)
                    expression(*r.value);
                break;
            }
            case ast::StmtKind::Delete:
                for (const auto& t : ast::as<ast::Delete>(s).targets)
                    expression(*t);
                break;
            case ast::StmtKind::Assign: {
                const auto& a = ast::as<ast::Assign>(s);
                expression(*a.value);
                for (const auto& t : a.targets)
                    expression(*t);
                break;
            }
            case ast::StmtKind::AugAssign: {
                const auto& a = ast::as<ast::AugAssign>(s);
                expression(*a.value);
                if (a.target->kind == ast::ExprKind::Name) {
                    const auto& n = ast::as<ast::Name>(*a.target);
                    note(n.id, kDefLocal | kUse, a.target->location);
                } else {
                    expression(*a.target);
                }
                break;
            }
            case ast::StmtKind::AnnAssign: {
                const auto& a = ast::as<ast::AnnAssign>(s);
                if (a.value)
                    expression(*a.value);
                if (a.target->kind == ast::ExprKind::Name) {
                    const auto& n = ast::as<ast::Name>(*a.target);
                    note(n.id, kDefLocal, a.target->location);
                } else {
                    expression(*a.target);
                }
                // As CPython's symtable, always: a module or class body evaluates it, and a
                // lambda or comprehension in it needs its scope (`s: f(lambda: 1) = 2`).
                expression(*a.annotation);
                break;
            }
            case ast::StmtKind::For:
            case ast::StmtKind::AsyncFor: {
                const auto& f = ast::as<ast::For>(s);
                expression(*f.iter);
                expression(*f.target);
                statements(f.body);
                statements(f.orelse);
                break;
            }
            case ast::StmtKind::While: {
                const auto& w = ast::as<ast::While>(s);
                expression(*w.test);
                statements(w.body);
                statements(w.orelse);
                break;
            }
            case ast::StmtKind::If: {
                const auto& i = ast::as<ast::If>(s);
                expression(*i.test);
                statements(i.body);
                statements(i.orelse);
                break;
            }
            case ast::StmtKind::With:
            case ast::StmtKind::AsyncWith: {
                const auto& w = ast::as<ast::With>(s);
                for (const auto& item : w.items) {
                    expression(*item.context_expr);
                    if (item.optional_vars)
                        expression(*item.optional_vars);
                }
                statements(w.body);
                break;
            }
            case ast::StmtKind::Raise: {
                const auto& r = ast::as<ast::Raise>(s);
                if (r.exc)
                    expression(*r.exc);
                if (r.cause)
                    expression(*r.cause);
                break;
            }
            case ast::StmtKind::Try:
            case ast::StmtKind::TryStar: {
                const auto& t = ast::as<ast::Try>(s);
                statements(t.body);
                for (const auto& h : t.handlers) {
                    if (h.type)
                        expression(*h.type);
                    if (h.name)
                        note(*h.name, kDefLocal, h.location);
                    statements(h.body);
                }
                statements(t.orelse);
                statements(t.finalbody);
                break;
            }
            case ast::StmtKind::Assert: {
                const auto& a = ast::as<ast::Assert>(s);
                expression(*a.test);
                if (a.msg)
                    expression(*a.msg);
                break;
            }
            case ast::StmtKind::Import:
                for (const auto& alias : ast::as<ast::Import>(s).names) {
                    std::string bound =
                        alias.asname ? *alias.asname : alias.name.substr(0, alias.name.find('.'));
                    note(bound, kDefLocal, alias.location);
                }
                break;
            case ast::StmtKind::ImportFrom:
                for (const auto& alias : ast::as<ast::ImportFrom>(s).names) {
                    if (alias.name == "*") {
                        if (current_->kind != ScopeKind::Module)
                            throw CompileError{"import * only allowed at module level", s.location};
                        continue;
                    }
                    note(alias.asname ? *alias.asname : alias.name, kDefLocal, alias.location);
                }
                break;
            case ast::StmtKind::Global:
                for (const auto& name : ast::as<ast::Global>(s).names)
                    declare(name, kDefGlobal, "global", s.location);
                break;
            case ast::StmtKind::Nonlocal:
                // CPython checks the names first ("assigned to before nonlocal declaration"),
                // the module level after.
                for (const auto& name : ast::as<ast::Nonlocal>(s).names)
                    declare(name, kDefNonlocal, "nonlocal", s.location);
                if (current_->kind == ScopeKind::Module)
                    throw CompileError{"nonlocal declaration not allowed at module level",
                                       s.location};
                break;
            case ast::StmtKind::Expr:
                expression(*ast::as<ast::ExprStmt>(s).value);
                break;
            case ast::StmtKind::Pass:
            case ast::StmtKind::Break:
            case ast::StmtKind::Continue:
                break;
        }
    }

    void declare(const std::string& name, unsigned flag, const char* what,
                 const ast::Location& at) {
        auto it = current_->flags.find(name);
        if (it != current_->flags.end()) {
            unsigned f = it->second;
            if (f & kDefParam)
                throw CompileError{"name '" + name + "' is parameter and " + what, at};
            if (flag == kDefGlobal && (f & kDefNonlocal))
                throw CompileError{"name '" + name + "' is nonlocal and global", at};
            if (flag == kDefNonlocal && (f & kDefGlobal))
                throw CompileError{"name '" + name + "' is nonlocal and global", at};
            if (f & kUse)
                throw CompileError{"name '" + name + "' is used prior to " + what + " declaration",
                                   at};
            if (f & kDefLocal)
                throw CompileError{
                    "name '" + name + "' is assigned to before " + what + " declaration", at};
        }
        note(name, flag, at);
        if (flag == kDefNonlocal)
            current_->nonlocal_at[name] = at;
    }

    void comprehension(const void* node, const char* name,
                       const std::vector<ast::Comprehension>& generators,
                       const std::vector<const ast::Expr*>& elements, bool is_genexpr,
                       const ast::Location& at) {
        // The first iterable is evaluated in the enclosing scope.
        expression(*generators[0].iter);
        Scope* saved = current_;
        current_ = table_.add_scope(ScopeKind::Comprehension, name, saved, node);
        current_->is_generator_expression = is_genexpr;
        current_->parameters.push_back(".0");
        note(".0", kDefParam, {});
        bool any_async = false;
        for (std::size_t i = 0; i < generators.size(); ++i) {
            const auto& g = generators[i];
            if (g.is_async)
                any_async = true;
            if (i > 0)
                expression(*g.iter);
            expression(*g.target);
            for (const auto& cond : g.ifs)
                expression(*cond);
        }
        for (const ast::Expr* e : elements)
            expression(*e);
        Scope* comp = current_;
        current_ = saved;
        if (any_async || comp->has_await) {
            comp->is_async = true;
            if (!is_genexpr) {
                // An async list/set/dict comprehension runs inside its enclosing function.
                Scope* s = saved;
                bool ok = s->kind == ScopeKind::Function && s->is_async;
                if (s->kind == ScopeKind::Comprehension && s->is_async)
                    ok = true;
                if (!ok && any_async)
                    throw CompileError{
                        "asynchronous comprehension outside of an asynchronous function", at};
                saved->has_await = true;
            }
        }
    }

    void expression(const ast::Expr& e) {
        switch (e.kind) {
            case ast::ExprKind::BoolOp:
                for (const auto& v : ast::as<ast::BoolOpExpr>(e).values)
                    expression(*v);
                break;
            case ast::ExprKind::NamedExpr: {
                const auto& n = ast::as<ast::NamedExpr>(e);
                expression(*n.value);
                const std::string& id = ast::as<ast::Name>(*n.target).id;
                if (current_->kind == ScopeKind::Comprehension) {
                    // The target binds in the nearest enclosing non-comprehension scope.
                    Scope* s = current_;
                    while (s->kind == ScopeKind::Comprehension)
                        s = s->parent;
                    if (s->kind == ScopeKind::Class)
                        throw CompileError{
                            "assignment expression within a comprehension cannot be used in a "
                            "class body",
                            e.location};
                    Scope* saved = current_;
                    if (s->kind == ScopeKind::Module) {
                        for (Scope* c = saved; c != s; c = c->parent) {
                            current_ = c;
                            note(id, kDefGlobal, e.location);
                        }
                    } else {
                        for (Scope* c = saved; c != s; c = c->parent) {
                            current_ = c;
                            note(id, kDefNonlocal, e.location);
                        }
                    }
                    current_ = s;
                    note(id, kDefLocal, e.location);
                    current_ = saved;
                } else {
                    note(id, kDefLocal, e.location);
                }
                break;
            }
            case ast::ExprKind::BinOp: {
                const auto& b = ast::as<ast::BinOpExpr>(e);
                expression(*b.left);
                expression(*b.right);
                break;
            }
            case ast::ExprKind::UnaryOp:
                expression(*ast::as<ast::UnaryOpExpr>(e).operand);
                break;
            case ast::ExprKind::Lambda: {
                const auto& l = ast::as<ast::Lambda>(e);
                arguments_defaults(l.args);
                function(&l, "<lambda>", l.args, false, nullptr, l.body.get());
                break;
            }
            case ast::ExprKind::IfExp: {
                const auto& i = ast::as<ast::IfExp>(e);
                expression(*i.test);
                expression(*i.body);
                expression(*i.orelse);
                break;
            }
            case ast::ExprKind::Dict: {
                const auto& d = ast::as<ast::Dict>(e);
                for (std::size_t i = 0; i < d.values.size(); ++i) {
                    if (d.keys[i])
                        expression(*d.keys[i]);
                    expression(*d.values[i]);
                }
                break;
            }
            case ast::ExprKind::Set:
                for (const auto& v : ast::as<ast::Set>(e).elts)
                    expression(*v);
                break;
            case ast::ExprKind::ListComp: {
                const auto& c = ast::as<ast::ListComp>(e);
                comprehension(&c, "<listcomp>", c.generators, {c.elt.get()}, false, e.location);
                break;
            }
            case ast::ExprKind::SetComp: {
                const auto& c = ast::as<ast::SetComp>(e);
                comprehension(&c, "<setcomp>", c.generators, {c.elt.get()}, false, e.location);
                break;
            }
            case ast::ExprKind::DictComp: {
                const auto& c = ast::as<ast::DictComp>(e);
                comprehension(&c, "<dictcomp>", c.generators, {c.key.get(), c.value.get()}, false,
                              e.location);
                break;
            }
            case ast::ExprKind::GeneratorExp: {
                const auto& c = ast::as<ast::GeneratorExp>(e);
                comprehension(&c, "<genexpr>", c.generators, {c.elt.get()}, true, e.location);
                break;
            }
            case ast::ExprKind::Await: {
                check_await(e.location);
                current_->has_await = true;
                expression(*ast::as<ast::Await>(e).value);
                break;
            }
            case ast::ExprKind::Yield:
            case ast::ExprKind::YieldFrom: {
                check_yield(e.location);
                current_->has_yield = true;
                if (e.kind == ast::ExprKind::Yield) {
                    const auto& y = ast::as<ast::Yield>(e);
                    if (y.value)
                        expression(*y.value);
                } else {
                    if (current_->is_async)
                        throw CompileError{"'yield from' inside async function", e.location};
                    expression(*ast::as<ast::YieldFrom>(e).value);
                }
                break;
            }
            case ast::ExprKind::Compare: {
                const auto& c = ast::as<ast::Compare>(e);
                expression(*c.left);
                for (const auto& v : c.comparators)
                    expression(*v);
                break;
            }
            case ast::ExprKind::Call: {
                const auto& c = ast::as<ast::Call>(e);
                expression(*c.func);
                if (c.func->kind == ast::ExprKind::Name &&
                    ast::as<ast::Name>(*c.func).id == "super")
                    mark_class_cell();
                for (const auto& a : c.args)
                    expression(*a);
                for (const auto& k : c.keywords)
                    expression(*k.value);
                break;
            }
            case ast::ExprKind::FormattedValue: {
                const auto& f = ast::as<ast::FormattedValue>(e);
                expression(*f.value);
                if (f.format_spec)
                    expression(*f.format_spec);
                break;
            }
            case ast::ExprKind::JoinedStr:
                for (const auto& v : ast::as<ast::JoinedStr>(e).values)
                    expression(*v);
                break;
            case ast::ExprKind::Constant:
                break;
            case ast::ExprKind::Attribute:
                expression(*ast::as<ast::Attribute>(e).value);
                break;
            case ast::ExprKind::Subscript: {
                const auto& s = ast::as<ast::Subscript>(e);
                expression(*s.value);
                expression(*s.slice);
                break;
            }
            case ast::ExprKind::Starred:
                expression(*ast::as<ast::Starred>(e).value);
                break;
            case ast::ExprKind::Name: {
                const auto& n = ast::as<ast::Name>(e);
                note(n.id, n.ctx == ast::ExprContext::Load ? kUse : kDefLocal, e.location);
                if (n.id == "__class__" && n.ctx == ast::ExprContext::Load)
                    mark_class_cell();
                break;
            }
            case ast::ExprKind::List:
                for (const auto& v : ast::as<ast::List>(e).elts)
                    expression(*v);
                break;
            case ast::ExprKind::Tuple:
                for (const auto& v : ast::as<ast::Tuple>(e).elts)
                    expression(*v);
                break;
            case ast::ExprKind::Slice: {
                const auto& s = ast::as<ast::Slice>(e);
                if (s.lower)
                    expression(*s.lower);
                if (s.upper)
                    expression(*s.upper);
                if (s.step)
                    expression(*s.step);
                break;
            }
        }
    }

    void mark_class_cell() {
        if (current_->kind == ScopeKind::Function) {
            for (Scope* s = current_->parent; s; s = s->parent)
                if (s->kind == ScopeKind::Class) {
                    current_->uses_class_cell = true;
                    note("__class__", kUse, {});
                    return;
                } else if (s->kind != ScopeKind::Function) {
                    return;
                }
        }
    }

    void check_await(const ast::Location& at) {
        Scope* s = current_;
        if (s->kind == ScopeKind::Comprehension) {
            // Checked when the comprehension closes (it may be an async genexpr).
            Scope* outer = s;
            while (outer->kind == ScopeKind::Comprehension)
                outer = outer->parent;
            if (outer->kind == ScopeKind::Function && outer->is_async)
                return;
            if (s->is_generator_expression)
                return;
            if (outer->kind != ScopeKind::Function)
                throw CompileError{"'await' outside function", at};
            throw CompileError{"'await' outside async function", at};
        }
        if (s->kind != ScopeKind::Function) {
            throw CompileError{"'await' outside function", at};
        }
        if (!s->is_async)
            throw CompileError{"'await' outside async function", at};
    }

    void check_yield(const ast::Location& at) {
        Scope* s = current_;
        if (s->kind == ScopeKind::Comprehension) {
            throw CompileError{std::string("'yield' inside ") +
                                   (s->name == "<listcomp>"   ? "list comprehension"
                                    : s->name == "<setcomp>"  ? "set comprehension"
                                    : s->name == "<dictcomp>" ? "dict comprehension"
                                                              : "generator expression"),
                               at};
        }
        if (s->kind != ScopeKind::Function)
            throw CompileError{"'yield' outside function", at};
        if (s->is_lambda)
            return;
    }
};

using NameSet = std::set<std::string>;

// Resolves every scope's names (CPython's analyze_block): `bound` holds the names that enclosing
// function scopes bind, which a nested scope may close over.
void analyze(Scope& scope, const NameSet& bound) {
    bool function_like = scope.is_function_like();
    for (const auto& name : scope.order) {
        unsigned f = scope.flags[name];
        NameScope r;
        if (f & kDefGlobal) {
            r = NameScope::GlobalExplicit;
        } else if (f & kDefNonlocal) {
            if (!bound.count(name))
                throw CompileError{"no binding for nonlocal '" + name + "' found",
                                   scope.nonlocal_at[name]};
            r = NameScope::Free;
        } else if (f & (kDefLocal | kDefParam)) {
            r = NameScope::Local;
        } else if (bound.count(name) && scope.kind != ScopeKind::Module) {
            r = NameScope::Free;
        } else {
            r = NameScope::GlobalImplicit;
        }
        if (name == "__class__" && scope.uses_class_cell && !(f & (kDefLocal | kDefParam)))
            r = NameScope::Free;
        scope.resolved[name] = r;
    }

    NameSet child_bound;
    if (scope.kind == ScopeKind::Module) {
        // Module names are globals: nested scopes never close over them.
    } else if (scope.kind == ScopeKind::Class) {
        child_bound = bound;
        child_bound.insert("__class__");
    } else {
        child_bound = bound;
        for (const auto& [name, r] : scope.resolved) {
            if (r == NameScope::Local || r == NameScope::Free)
                child_bound.insert(name);
            if (r == NameScope::GlobalExplicit)
                child_bound.erase(name);
        }
    }

    if (function_like) {
        for (const auto& p : scope.parameters)
            scope.locals.push_back(p);
        for (const auto& name : scope.order)
            if (scope.resolved[name] == NameScope::Local &&
                std::find(scope.locals.begin(), scope.locals.end(), name) == scope.locals.end())
                scope.locals.push_back(name);
    }

    for (Scope* child : scope.children) {
        analyze(*child, child_bound);
        for (const auto& name : child->freevars) {
            if (scope.kind == ScopeKind::Class && name == "__class__") {
                if (std::find(scope.cellvars.begin(), scope.cellvars.end(), name) ==
                    scope.cellvars.end())
                    scope.cellvars.push_back(name);
                continue;
            }
            auto it = scope.resolved.find(name);
            if (function_like && it != scope.resolved.end() &&
                (it->second == NameScope::Local || it->second == NameScope::Cell)) {
                it->second = NameScope::Cell;
                continue;
            }
            // Passes through this scope on its way to the child.
            if (it == scope.resolved.end()) {
                scope.resolved[name] = NameScope::Free;
                if (scope.kind == ScopeKind::Class)
                    scope.resolved[name] = NameScope::GlobalImplicit;  // not used by the body
            }
            if (std::find(scope.freevars.begin(), scope.freevars.end(), name) ==
                scope.freevars.end())
                scope.freevars.push_back(name);
        }
    }

    for (const auto& name : scope.order) {
        NameScope r = scope.resolved[name];
        if (r == NameScope::Free &&
            std::find(scope.freevars.begin(), scope.freevars.end(), name) == scope.freevars.end())
            scope.freevars.push_back(name);
    }
    if (function_like) {
        // Cells keep their order of first appearance; a cell is not a fast local.
        std::vector<std::string> locals;
        for (const auto& name : scope.locals) {
            if (scope.resolved[name] == NameScope::Cell) {
                scope.cellvars.push_back(name);
            }
            locals.push_back(name);
        }
        scope.locals = std::move(locals);
    }
}

}  // namespace

NameScope Scope::scope_of(const std::string& id) const {
    auto it = resolved.find(id);
    if (it == resolved.end())
        return kind == ScopeKind::Module ? NameScope::GlobalImplicit : NameScope::GlobalImplicit;
    return it->second;
}

Scope* SymbolTable::add_scope(ScopeKind kind, std::string name, Scope* parent, const void* node) {
    auto scope = std::make_unique<Scope>();
    scope->kind = kind;
    scope->name = std::move(name);
    scope->parent = parent;
    Scope* raw = scope.get();
    if (parent)
        parent->children.push_back(raw);
    else
        module_ = raw;
    by_node_[node] = raw;
    scopes_.push_back(std::move(scope));
    return raw;
}

Scope& SymbolTable::scope_of(const void* node) {
    return *by_node_.at(node);
}

std::unique_ptr<SymbolTable> SymbolTable::build(const ast::Module& module) {
    auto table = std::make_unique<SymbolTable>();
    Builder builder(*table);
    builder.module(module);
    analyze(table->module_scope(), {});
    return table;
}

}  // namespace loopscope::script::vm
