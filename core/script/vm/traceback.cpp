#include "script/vm/traceback.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "script/objects/errors.h"
#include "script/objects/list.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/objects/str.h"
#include "script/objects/tuple.h"
#include "script/syntax/parser.h"
#include "script/vm/frame.h"
#include "script/vm/suggestions.h"
#include "script/vm/vm.h"

namespace loopscope::script::vm {

void add_traceback_entry(VmState& vm, const Value& exception, const Frame& frame,
                         const std::string* name) {
    ExceptionObject* e = as_exception(vm.rt, exception);
    if (!e)
        return;
    TracebackObject* tb;
    if (e->traceback.is_object() && e->traceback.as_object()->type == vm.traceback_type.get()) {
        tb = e->traceback.as<TracebackObject>();
    } else {
        auto fresh = Ref<TracebackObject>::make(vm.traceback_type.get());
        tb = fresh.get();
        e->traceback = Value(std::move(fresh));
    }
    TracebackEntry entry;
    entry.filename = frame.code->filename;
    entry.name = name ? *name : frame.code->name;
    entry.line = frame.line();
    if (frame.pc < frame.code->locations.size())
        entry.location = frame.code->locations[frame.pc];
    auto anchors = frame.code->caret_anchors.find(frame.pc);
    if (anchors != frame.code->caret_anchors.end()) {
        entry.anchor_left = anchors->second.first;
        entry.anchor_right = anchors->second.second;
    }
    tb->entries.push_front(std::move(entry));
}

namespace {

std::string strip(const std::string& s) {
    std::size_t b = s.find_first_not_of(" \t\f\r\n");
    if (b == std::string::npos)
        return {};
    std::size_t e = s.find_last_not_of(" \t\f\r\n");
    return s.substr(b, e - b + 1);
}

std::string nth_line(const std::string& text, int line) {
    int current = 1;
    std::size_t start = 0;
    while (current < line) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string::npos)
            return {};
        start = nl + 1;
        ++current;
    }
    std::size_t end = text.find('\n', start);
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Characters (code points) in the first `bytes` bytes of `text`.
int char_offset(const std::string& text, std::size_t bytes) {
    int n = 0;
    for (std::size_t i = 0; i < bytes && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++n;
    return n;
}

// CPython 3.12's indicator line under a traceback's source line (traceback.py's
// format_frame_summary): carets under the failing instruction unless it spans the whole line,
// `~~^~~` for binary operators and subscripts.
std::string caret_line(Runtime& rt, const TracebackEntry& t) {
    const ast::Location& at = t.location;
    if (at.line == 0 || static_cast<int>(at.line) != t.line)
        return {};
    std::string original;
    {
        VmState& vm = vm_state(rt);
        auto it = vm.sources.find(t.filename);
        if (it == vm.sources.end())
            return {};
        original = nth_line(it->second, t.line);
    }
    if (!original.empty() && original.back() == '\r')
        original.pop_back();
    std::string stripped = strip(original);
    std::size_t lead = original.find_first_not_of(" \t\f");
    if (lead == std::string::npos)
        return {};
    int stripped_chars = char_offset(original, lead);
    int stripped_len = char_offset(stripped, stripped.size());
    int start = char_offset(original, at.column);
    int end;
    bool anchors = false;
    int left = 0;
    int right = 0;
    if (at.end_line == at.line) {
        end = char_offset(original, at.end_column);
        if (t.anchor_left >= 0 && at.end_column <= original.size()) {
            std::string segment = original.substr(at.column, at.end_column - at.column);
            left = char_offset(segment, static_cast<std::size_t>(t.anchor_left));
            right = char_offset(segment, static_cast<std::size_t>(t.anchor_right));
            anchors = true;
        }
    } else {
        end = stripped_chars + stripped_len;
    }
    if (!(end - start < stripped_len || (anchors && right - left > 0)))
        return {};
    auto count = [](int n) { return static_cast<std::size_t>(std::max(0, n)); };
    std::string row = "    " + std::string(count(start - stripped_chars), ' ');
    if (anchors) {
        row += std::string(count(left), '~');
        row += std::string(count(right - left), '^');
        row += std::string(count(end - start - right), '~');
    } else {
        row += std::string(count(end - start), '^');
    }
    return row;
}

void format_frames(Runtime& rt, const Value& exc, std::string& out, const std::string& margin) {
    ExceptionObject* e = as_exception(rt, exc);
    if (e && e->traceback.is_object() && rt.vm_state &&
        e->traceback.as_object()->type == vm_state(rt).traceback_type.get()) {
        const auto& entries = e->traceback.as<TracebackObject>()->entries;
        if (!entries.empty()) {
            out += margin + "Traceback (most recent call last):\n";
            // CPython folds more than 3 identical consecutive lines.
            std::size_t i = 0;
            while (i < entries.size()) {
                const TracebackEntry& t = entries[i];
                std::size_t same = 1;
                while (i + same < entries.size() && entries[i + same].filename == t.filename &&
                       entries[i + same].line == t.line && entries[i + same].name == t.name)
                    ++same;
                std::size_t shown = same > 3 ? 3 : same;
                for (std::size_t k = 0; k < shown; ++k) {
                    out += margin + "  File \"" + t.filename + "\", line " +
                           std::to_string(t.line) + ", in " + t.name + "\n";
                    std::string src = source_line(rt, t.filename, t.line);
                    if (!src.empty()) {
                        out += margin + "    " + src + "\n";
                        std::string carets = caret_line(rt, t);
                        if (!carets.empty())
                            out += margin + carets + "\n";
                    }
                }
                if (same > 3) {
                    std::size_t more = same - 3;
                    out += margin + "  [Previous line repeated " + std::to_string(more) +
                           " more time" + (more == 1 ? "" : "s") + "]\n";
                }
                i += same;
            }
        }
    }
}

// A SyntaxError carrying its position (one raised by importing a broken module) prints as
// CPython prints it: the file and line, the source line and caret, then `SyntaxError: msg`.
std::optional<std::string> positioned_syntax_error(Runtime& rt, const Value& exc) {
    if (!is_instance(rt, exc, rt.types().SyntaxError))
        return std::nullopt;
    Value msg, filename, lineno, offset, text, end_lineno, end_offset;
    if (!lookup_attr(rt, exc, "msg", msg) || !is_str(rt, msg) ||
        !lookup_attr(rt, exc, "filename", filename) || !is_str(rt, filename) ||
        !lookup_attr(rt, exc, "lineno", lineno) || !lineno.is_int())
        return std::nullopt;
    SyntaxErrorInfo info;
    info.type = std::string(type_name(rt, exc));
    info.message = to_str(rt, msg);
    info.filename = to_str(rt, filename);
    info.line = static_cast<int>(lineno.as_int());
    if (lookup_attr(rt, exc, "offset", offset) && offset.is_int())
        info.offset = static_cast<int>(offset.as_int());
    if (lookup_attr(rt, exc, "text", text) && is_str(rt, text))
        info.text = to_str(rt, text);
    if (lookup_attr(rt, exc, "end_lineno", end_lineno) && end_lineno.is_int())
        info.end_line = static_cast<int>(end_lineno.as_int());
    if (lookup_attr(rt, exc, "end_offset", end_offset) && end_offset.is_int())
        info.end_offset = static_cast<int>(end_offset.as_int());
    std::string formatted = format_syntax_error(info);
    formatted.pop_back();  // the summary's lines get their newlines below
    return formatted;
}

void format_summary(Runtime& rt, const Value& exc, std::string& out, const std::string& margin) {
    const std::optional<std::string> positioned = positioned_syntax_error(rt, exc);
    std::string summary = positioned ? *positioned : exception_summary(rt, exc);
    if (!positioned) {
        // CPython's "Did you mean" for NameError, AttributeError and ImportError, a NameError's
        // judged from the module of the innermost frame.
        std::string innermost;
        if (ExceptionObject* e = as_exception(rt, exc);
            e && e->traceback.is_object() && rt.vm_state &&
            e->traceback.as_object()->type == vm_state(rt).traceback_type.get()) {
            const auto& entries = e->traceback.as<TracebackObject>()->entries;
            if (!entries.empty())
                innermost = entries.back().filename;
        }
        summary += suggestion_for(rt, exc, innermost);
    }
    std::size_t start = 0;
    while (true) {
        std::size_t nl = summary.find('\n', start);
        out += margin +
               summary.substr(start, nl == std::string::npos ? std::string::npos : nl - start) +
               "\n";
        if (nl == std::string::npos)
            break;
        start = nl + 1;
    }
    if (ExceptionObject* e = as_exception(rt, exc)) {
        if (is_list(rt, e->notes))
            for (const Value& n : list_items(e->notes))
                out += margin + to_str(rt, n) + "\n";
    }
}

bool is_group(Runtime& rt, const Value& exc) {
    return is_instance(rt, exc, rt.types().BaseExceptionGroup);
}

// CPython's traceback._ExceptionPrintContext: exception groups nest their members' reports in
// boxes, two columns deeper per level, with a margin character.
struct PrintContext {
    std::set<const Object*> seen;
    int depth = 0;  // exception_group_depth
    bool need_close = false;

    std::string indent() const { return std::string(static_cast<std::size_t>(2 * depth), ' '); }

    void emit(std::string& out, const std::string& text, char margin = '|') const {
        std::string prefix = indent();
        if (depth > 0)
            prefix += std::string(1, margin) + " ";
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t nl = text.find('\n', start);
            std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
            out += prefix + text.substr(start, end - start);
            start = end;
        }
    }
};

constexpr std::size_t kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

void format_exception_into(Runtime& rt, const Value& exception, PrintContext& ctx,
                           std::string& out) {
    // The chain, most recent first: (message linking it to the older one, exception).
    std::vector<std::pair<const char*, Value>> chain;
    Value exc = exception;
    while (!exc.is_none()) {
        ctx.seen.insert(exc.as_object());
        ExceptionObject* e = as_exception(rt, exc);
        const char* message = nullptr;
        Value next;
        if (e && !e->cause.is_none() && !ctx.seen.count(e->cause.as_object())) {
            message = "\nThe above exception was the direct cause of the following exception:\n\n";
            next = e->cause;
        } else if (e && e->cause.is_none() && !e->context.is_none() && !e->suppress_context &&
                   !ctx.seen.count(e->context.as_object())) {
            message = "\nDuring handling of the above exception, another exception occurred:\n\n";
            next = e->context;
        }
        chain.emplace_back(message, exc);
        exc = next;
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (it->first)
            ctx.emit(out, it->first);
        const Value& current = it->second;
        std::string frames;
        format_frames(rt, current, frames, "");
        if (!is_group(rt, current)) {
            ctx.emit(out, frames);
            std::string summary;
            format_summary(rt, current, summary, "");
            ctx.emit(out, summary);
            continue;
        }
        if (ctx.depth > kMaxGroupDepth) {
            ctx.emit(out, "... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n");
            continue;
        }
        bool toplevel = ctx.depth == 0;
        if (toplevel)
            ++ctx.depth;
        if (!frames.empty()) {
            // "Traceback (most recent call last):\n" → the group's header.
            std::size_t nl = frames.find('\n');
            ctx.emit(out, "Exception Group Traceback (most recent call last):\n",
                     toplevel ? '+' : '|');
            ctx.emit(out, frames.substr(nl + 1));
        }
        std::string summary;
        format_summary(rt, current, summary, "");
        ctx.emit(out, summary);
        Value members;
        std::vector<Value> items;
        if (lookup_attr(rt, current, "exceptions", members))
            items = to_vector(rt, members);
        std::size_t n = items.size() <= kMaxGroupWidth ? items.size() : kMaxGroupWidth + 1;
        ctx.need_close = false;
        for (std::size_t i = 0; i < n; ++i) {
            bool last = i + 1 == n;
            if (last)
                ctx.need_close = true;
            bool truncated = i >= kMaxGroupWidth;
            std::string title = truncated ? "..." : std::to_string(i + 1);
            out += ctx.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title +
                   " ----------------\n";
            ++ctx.depth;
            if (!truncated) {
                format_exception_into(rt, items[i], ctx, out);
            } else {
                std::size_t remaining = items.size() - kMaxGroupWidth;
                ctx.emit(out, "and " + std::to_string(remaining) + " more exception" +
                                  (remaining > 1 ? "s" : "") + "\n");
            }
            if (last && ctx.need_close) {
                out += ctx.indent() + "+------------------------------------\n";
                ctx.need_close = false;
            }
            --ctx.depth;
        }
        if (toplevel)
            ctx.depth = 0;
    }
}

}  // namespace

std::string source_line(Runtime& rt, const std::string& filename, int line) {
    if (line <= 0)
        return {};
    if (rt.vm_state) {
        VmState& vm = vm_state(rt);
        auto it = vm.sources.find(filename);
        if (it == vm.sources.end()) {
            std::ifstream in(filename, std::ios::binary);
            std::string text;
            if (in) {
                std::stringstream buffer;
                buffer << in.rdbuf();
                text = buffer.str();
            }
            it = vm.sources.emplace(filename, std::move(text)).first;
        }
        return strip(nth_line(it->second, line));
    }
    return {};
}

std::string format_exception(Runtime& rt, const Value& exception) {
    std::string out;
    PrintContext ctx;
    format_exception_into(rt, exception, ctx, out);
    return out;
}

}  // namespace loopscope::script::vm
