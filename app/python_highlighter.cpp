#include "python_highlighter.h"

#include <QColor>
#include <QSet>
#include <QTextBlock>
#include <QTextLayout>

namespace loopscope::app {

namespace {

// Block states: 0 outside any string; else the open triple quote (1: ''', 2: """), plus
// kFormatted when it is an f-string (its replacement fields keep their colour across lines).
constexpr int kSingleTriple = 1;
constexpr int kDoubleTriple = 2;
constexpr int kQuoteMask = 3;
constexpr int kFormatted = 4;

const QSet<QString>& keywords() {
    static const QSet<QString> words{
        QStringLiteral("False"),  QStringLiteral("None"),     QStringLiteral("True"),
        QStringLiteral("and"),    QStringLiteral("as"),       QStringLiteral("assert"),
        QStringLiteral("async"),  QStringLiteral("await"),    QStringLiteral("break"),
        QStringLiteral("class"),  QStringLiteral("continue"), QStringLiteral("def"),
        QStringLiteral("del"),    QStringLiteral("elif"),     QStringLiteral("else"),
        QStringLiteral("except"), QStringLiteral("finally"),  QStringLiteral("for"),
        QStringLiteral("from"),   QStringLiteral("global"),   QStringLiteral("if"),
        QStringLiteral("import"), QStringLiteral("in"),       QStringLiteral("is"),
        QStringLiteral("lambda"), QStringLiteral("nonlocal"), QStringLiteral("not"),
        QStringLiteral("or"),     QStringLiteral("pass"),     QStringLiteral("raise"),
        QStringLiteral("return"), QStringLiteral("try"),      QStringLiteral("while"),
        QStringLiteral("with"),   QStringLiteral("yield"),
    };
    return words;
}

// `match` and `case` are keywords only where a statement starts.
bool is_soft_keyword(const QString& word) {
    return word == QStringLiteral("match") || word == QStringLiteral("case");
}

const QSet<QString>& builtins() {
    static const QSet<QString> names{
        QStringLiteral("print"),
        QStringLiteral("len"),
        QStringLiteral("range"),
        QStringLiteral("str"),
        QStringLiteral("int"),
        QStringLiteral("float"),
        QStringLiteral("bool"),
        QStringLiteral("list"),
        QStringLiteral("dict"),
        QStringLiteral("set"),
        QStringLiteral("tuple"),
        QStringLiteral("bytes"),
        QStringLiteral("type"),
        QStringLiteral("object"),
        QStringLiteral("super"),
        QStringLiteral("isinstance"),
        QStringLiteral("enumerate"),
        QStringLiteral("zip"),
        QStringLiteral("map"),
        QStringLiteral("filter"),
        QStringLiteral("sorted"),
        QStringLiteral("reversed"),
        QStringLiteral("min"),
        QStringLiteral("max"),
        QStringLiteral("sum"),
        QStringLiteral("abs"),
        QStringLiteral("any"),
        QStringLiteral("all"),
        QStringLiteral("repr"),
        QStringLiteral("iter"),
        QStringLiteral("next"),
        QStringLiteral("aiter"),
        QStringLiteral("anext"),
        QStringLiteral("getattr"),
        QStringLiteral("setattr"),
        QStringLiteral("hasattr"),
        QStringLiteral("round"),
        QStringLiteral("id"),
        QStringLiteral("open"),
        QStringLiteral("input"),
        QStringLiteral("Exception"),
        QStringLiteral("BaseException"),
        QStringLiteral("ExceptionGroup"),
        QStringLiteral("ValueError"),
        QStringLiteral("TypeError"),
        QStringLiteral("KeyError"),
        QStringLiteral("IndexError"),
        QStringLiteral("RuntimeError"),
        QStringLiteral("TimeoutError"),
        QStringLiteral("ZeroDivisionError"),
        QStringLiteral("StopIteration"),
        QStringLiteral("StopAsyncIteration"),
        QStringLiteral("NotImplementedError"),
        QStringLiteral("AttributeError"),
    };
    return names;
}

bool is_name_start(QChar c) {
    return c.isLetter() || c == QLatin1Char('_');
}
bool is_name_char(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}
bool is_quote(QChar c) {
    return c == QLatin1Char('\'') || c == QLatin1Char('"');
}
// r, b, u, f and their pairs (rb, fr, ...), in either case.
bool is_string_prefix(const QString& word) {
    if (word.size() > 2) {
        return false;
    }
    for (const QChar c : word) {
        if (!QStringLiteral("rRbBuUfF").contains(c)) {
            return false;
        }
    }
    return true;
}

QTextCharFormat make_format(const char* colour, bool bold = false, bool italic = false) {
    QTextCharFormat format;
    format.setForeground(QColor(QLatin1String(colour)));
    if (bold) {
        format.setFontWeight(QFont::DemiBold);
    }
    format.setFontItalic(italic);
    return format;
}

}  // namespace

PythonHighlighter::PythonHighlighter(QObject* parent) : QSyntaxHighlighter(parent) {
    // On the code pane's dark background (Theme.code).
    formats_[int(Token::Plain)] = QTextCharFormat();
    formats_[int(Token::Keyword)] = make_format("#ff7b72", true);
    formats_[int(Token::Builtin)] = make_format("#ffa657");
    formats_[int(Token::String)] = make_format("#a5d6ff");
    formats_[int(Token::Comment)] = make_format("#8b949e", false, true);
    formats_[int(Token::Number)] = make_format("#79c0ff");
    formats_[int(Token::Decorator)] = make_format("#d2a8ff");
    formats_[int(Token::Definition)] = make_format("#d2a8ff", true);
    formats_[int(Token::Field)] = make_format("#e6edf3");
    for (int i = 0; i < 9; ++i) {
        formats_[i].setProperty(QTextFormat::UserProperty, i);
    }
}

void PythonHighlighter::setQuickDocument(QQuickTextDocument* document) {
    if (document == quick_document_) {
        return;
    }
    quick_document_ = document;
    setDocument(document != nullptr ? document->textDocument() : nullptr);
    emit quickDocumentChanged();
}

PythonHighlighter::Token PythonHighlighter::tokenAt(int line, int column) const {
    if (document() == nullptr) {
        return Token::Plain;
    }
    const QTextBlock block = document()->findBlockByNumber(line);
    if (!block.isValid() || block.layout() == nullptr) {
        return Token::Plain;
    }
    for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
        if (column >= range.start && column < range.start + range.length) {
            return static_cast<Token>(range.format.property(QTextFormat::UserProperty).toInt());
        }
    }
    return Token::Plain;
}

void PythonHighlighter::setToken(int start, int length, Token token) {
    if (length > 0 && token != Token::Plain) {
        setFormat(start, length, formats_[int(token)]);
    }
}

void PythonHighlighter::highlightBlock(const QString& text) {
    setCurrentBlockState(0);
    const int n = static_cast<int>(text.size());
    int i = 0;
    const int previous = previousBlockState();
    if (previous > 0) {
        i = continueString(text, previous);
    }
    bool statement_start = i == 0;
    QString previous_word;
    while (i < n) {
        const QChar c = text[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('#')) {
            setToken(i, n - i, Token::Comment);
            break;
        }
        if (is_quote(c)) {
            i = highlightString(text, i, i);
            statement_start = false;
            previous_word.clear();
            continue;
        }
        if (c == QLatin1Char('@') && statement_start) {
            int end = i + 1;
            while (end < n && (is_name_char(text[end]) || text[end] == QLatin1Char('.'))) {
                ++end;
            }
            setToken(i, end - i, Token::Decorator);
            i = end;
            statement_start = false;
            continue;
        }
        if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < n && text[i + 1].isDigit())) {
            int end = i + 1;
            while (end < n) {
                const QChar d = text[end];
                const bool exponent_sign =
                    (d == QLatin1Char('+') || d == QLatin1Char('-')) &&
                    (text[end - 1] == QLatin1Char('e') || text[end - 1] == QLatin1Char('E')) &&
                    !text.mid(i, 2).startsWith(QLatin1String("0x"), Qt::CaseInsensitive);
                if (!is_name_char(d) && d != QLatin1Char('.') && !exponent_sign) {
                    break;
                }
                ++end;
            }
            setToken(i, end - i, Token::Number);
            i = end;
            statement_start = false;
            previous_word.clear();
            continue;
        }
        if (is_name_start(c)) {
            int end = i + 1;
            while (end < n && is_name_char(text[end])) {
                ++end;
            }
            const QString word = text.mid(i, end - i);
            if (end < n && is_quote(text[end]) && is_string_prefix(word)) {
                i = highlightString(text, i, end);
                statement_start = false;
                previous_word.clear();
                continue;
            }
            if (previous_word == QStringLiteral("def") ||
                previous_word == QStringLiteral("class")) {
                setToken(i, end - i, Token::Definition);
            } else if (keywords().contains(word) || (statement_start && is_soft_keyword(word))) {
                setToken(i, end - i, Token::Keyword);
            } else if (builtins().contains(word) && (i == 0 || text[i - 1] != QLatin1Char('.'))) {
                setToken(i, end - i, Token::Builtin);
            }
            previous_word = word;
            i = end;
            statement_start = false;
            continue;
        }
        // Punctuation: a `:` or `;` may start a new statement on the same line.
        statement_start = c == QLatin1Char(';');
        previous_word.clear();
        ++i;
    }
}

int PythonHighlighter::highlightString(const QString& text, int start, int quote_at) {
    const int n = static_cast<int>(text.size());
    const QChar quote = text[quote_at];
    const bool formatted =
        text.mid(start, quote_at - start).contains(QLatin1Char('f'), Qt::CaseInsensitive);
    const bool triple = text.mid(quote_at, 3) == QString(3, quote);
    const int body = quote_at + (triple ? 3 : 1);
    int i = body;
    while (i < n) {
        if (text[i] == QLatin1Char('\\')) {
            i += 2;  // an escaped quote (raw strings too) does not end the string
            continue;
        }
        if (text[i] == quote && (!triple || text.mid(i, 3) == QString(3, quote))) {
            const int end = i + (triple ? 3 : 1);
            setToken(start, end - start, Token::String);
            if (formatted) {
                markFields(text, body, i);
            }
            return end;
        }
        ++i;
    }
    // Unclosed: a triple-quoted string goes on to the next line; a one-line string is coloured
    // to the end of its line (the interpreter will say it is not closed).
    setToken(start, n - start, Token::String);
    if (formatted) {
        markFields(text, body, n);
    }
    if (triple) {
        setCurrentBlockState((quote == QLatin1Char('\'') ? kSingleTriple : kDoubleTriple) |
                             (formatted ? kFormatted : 0));
    }
    return n;
}

int PythonHighlighter::continueString(const QString& text, int state) {
    const int n = static_cast<int>(text.size());
    const QChar quote =
        (state & kQuoteMask) == kSingleTriple ? QLatin1Char('\'') : QLatin1Char('"');
    const bool formatted = (state & kFormatted) != 0;
    int i = 0;
    while (i < n) {
        if (text[i] == QLatin1Char('\\')) {
            i += 2;
            continue;
        }
        if (text.mid(i, 3) == QString(3, quote)) {
            setToken(0, i + 3, Token::String);
            if (formatted) {
                markFields(text, 0, i);
            }
            return i + 3;
        }
        ++i;
    }
    setToken(0, n, Token::String);
    if (formatted) {
        markFields(text, 0, n);
    }
    setCurrentBlockState(state);
    return n;
}

void PythonHighlighter::markFields(const QString& text, int from, int to) {
    int i = from;
    while (i < to) {
        if (text[i] == QLatin1Char('{')) {
            if (i + 1 < to && text[i + 1] == QLatin1Char('{')) {
                i += 2;  // `{{` is a literal brace
                continue;
            }
            int depth = 1;
            int end = i + 1;
            while (end < to && depth > 0) {
                if (text[end] == QLatin1Char('{')) {
                    ++depth;
                } else if (text[end] == QLatin1Char('}')) {
                    --depth;
                }
                ++end;
            }
            setToken(i, end - i, Token::Field);
            i = end;
            continue;
        }
        ++i;
    }
}

}  // namespace loopscope::app
