#pragma once

#include <QPointer>
#include <QQuickTextDocument>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace loopscope::app {

// Colours Python in the code editor: keywords, builtins, strings (with their prefixes, f-string
// replacement fields and triple-quoted strings across lines), comments, numbers, decorators and
// the names that `def` and `class` introduce. QML attaches it to a TextEdit's document:
//
//     PythonHighlighter { document: editor.textDocument }
//
// A hand-written scanner rather than regular expressions, so that a `#` inside a string is not
// a comment and a quote inside a comment does not open a string. The block state carries an
// open triple-quoted string to the next line.
class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
    Q_PROPERTY(QQuickTextDocument* document READ quickDocument WRITE setQuickDocument NOTIFY
                   quickDocumentChanged)

public:
    explicit PythonHighlighter(QObject* parent = nullptr);

    QQuickTextDocument* quickDocument() const { return quick_document_; }
    void setQuickDocument(QQuickTextDocument* document);

    // The kinds of token it colours, for tests: what format covers `column` of `line` (0-based).
    enum class Token {
        Plain,
        Keyword,
        Builtin,
        String,
        Comment,
        Number,
        Decorator,
        Definition,
        Field,  // an f-string's replacement field, `{expression}`
    };
    Q_ENUM(Token)
    Q_INVOKABLE Token tokenAt(int line, int column) const;

signals:
    void quickDocumentChanged();

protected:
    void highlightBlock(const QString& text) override;

private:
    // Colours the string starting at `start` (its prefix included); returns where it ends, or
    // text.size() when a triple-quoted string runs on to the next line.
    int highlightString(const QString& text, int start, int quote_at);
    // Continues a triple-quoted string opened on an earlier line; returns where it ends.
    int continueString(const QString& text, int state);
    void markFields(const QString& text, int from, int to);
    void setToken(int start, int length, Token token);

    QPointer<QQuickTextDocument> quick_document_;
    QTextCharFormat formats_[9];
};

}  // namespace loopscope::app
