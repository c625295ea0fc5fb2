#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace loopscope::app {

// The text in the code editor and where it is kept, so that nothing the user types is lost.
//
// Three kinds of document:
//   lesson    a bundled lesson. Edits go to the user's copy (user_files.h), never to the bundled
//             file; the copy is what runs. Going back to the bundled text removes the copy.
//   file      a .py opened from disk. Edits are autosaved to a recovery file until the user
//             saves (Ctrl+S, or Ctrl+R, which saves and runs).
//   untitled  a new buffer, autosaved to recovery/untitled.py (which is also what runs).
//
// The editor calls edit() on every change; the text is written kAutosaveDelay after the last
// keystroke, and at once before another document is opened. recovery/session.json says what was
// open and whether the app closed cleanly, so that after a crash (or `kill -9`) the next start
// reopens it with its unsaved text (restore_session) and says so (notice).
class ScriptDocument : public QObject {
    Q_OBJECT
    // The text as loaded (open, reset, restore): the editor takes it on loaded().
    Q_PROPERTY(QString text READ text NOTIFY loaded)
    // "lesson", "file" or "untitled".
    Q_PROPERTY(QString kind READ kind NOTIFY identityChanged)
    // The bundled lesson's path, the file's path, or empty (untitled).
    Q_PROPERTY(QString path READ path NOTIFY identityChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY identityChanged)
    // The file the engine runs for it: the user's copy, the bundled lesson, the file, or the
    // untitled buffer's recovery file.
    Q_PROPERTY(QString runPath READ runPath NOTIFY stateChanged)
    // A lesson the user changed (it has a user copy).
    Q_PROPERTY(bool changedFromOriginal READ changedFromOriginal NOTIFY stateChanged)
    // A file or untitled buffer with edits not yet saved to the file itself.
    Q_PROPERTY(bool unsaved READ unsaved NOTIFY stateChanged)
    // Edits not yet written anywhere (the autosave timer is running).
    Q_PROPERTY(bool autosavePending READ autosavePending NOTIFY stateChanged)
    // One sentence for a banner over the editor (restored text, a failed save); empty: none.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    // Files opened or saved from disk, the latest first (at most kRecentFiles).
    Q_PROPERTY(QStringList recentFiles READ recentFiles NOTIFY recentFilesChanged)

public:
    static constexpr int kAutosaveDelayMs = 700;  // well within the promised second
    static constexpr int kRecentFiles = 8;

    // `lessons_folder`: the bundled lessons (to tell a lesson from any other file).
    explicit ScriptDocument(QString lessons_folder, QObject* parent = nullptr);
    ~ScriptDocument() override;

    QString text() const { return loaded_text_; }
    QString kind() const;
    QString path() const { return path_; }
    QString displayName() const;
    QString runPath() const;
    bool changedFromOriginal() const;
    bool unsaved() const { return unsaved_; }
    bool autosavePending() const { return autosave_.isActive(); }
    QString notice() const { return notice_; }
    QStringList recentFiles() const;

    // Opens `path` (a bundled lesson, a user copy of one, or any file) after saving the current
    // document's pending edits. Returns the path to run (runPath), or empty if it cannot be read.
    Q_INVOKABLE QString open(const QString& path);
    // Opens an empty untitled buffer (after saving the current document's pending edits).
    Q_INVOKABLE void openUntitled();
    // When the engine runs `path` by another way (the picker, a dropped file, the command line):
    // opens it unless it is this document already. Returns the path that should run instead
    // (a lesson's user copy), or empty when `path` is right.
    Q_INVOKABLE QString follow(const QString& path);
    // The editor's text changed (the user typed): autosave it soon.
    Q_INVOKABLE void edit(const QString& text);
    // Writes pending edits now (lesson: the user's copy; file, untitled: the recovery file).
    Q_INVOKABLE void flush();
    // Before Ctrl+R: writes the edits where they run (a file is saved) and returns runPath.
    Q_INVOKABLE QString prepareRun();
    // Saves a file to itself; a lesson to its copy; false for untitled (ask for a name).
    Q_INVOKABLE bool save();
    // Saves the text to `path_or_url` (a file: URL from a FileDialog, or a path), which becomes
    // the document (a file). Returns false, with a notice, if it cannot be written.
    Q_INVOKABLE bool saveAs(const QString& path_or_url);
    // A lesson: removes the user's copy and reloads the bundled text. Returns runPath.
    Q_INVOKABLE QString resetToOriginal();
    Q_INVOKABLE void dismissNotice();
    Q_INVOKABLE QString currentText() const { return current_text_; }

    // False for automated runs (pictures, exports): no recent files or session written.
    void set_remembers(bool remembers) { remembers_ = remembers; }
    bool remembers() const { return remembers_; }

    // At start: if the last session left unsaved text (a crash, or a file not saved at quit),
    // reopens that document with it and sets the notice. Returns runPath, or empty if there
    // was nothing to restore.
    QString restore_session();
    // On a clean quit: pending edits written, the session marked as closed cleanly.
    void close_session();

signals:
    // New text for the editor (open, reset, restore).
    void loaded();
    // Another document, or the same text under a new name (Save As).
    void identityChanged();
    void stateChanged();
    void noticeChanged();
    void recentFilesChanged();
    // A lesson's user copy appeared or went away (the picker's marks).
    void userCopiesChanged();

private:
    enum class Kind { Lesson, File, Untitled };

    // The recovery file for the current file or untitled buffer.
    QString recoveryPath() const;
    QString recoveryPathOf(Kind kind, const QString& path) const;
    QString bundledPathOf(const QString& path) const;
    void load(Kind kind, const QString& path, const QString& text, bool unsaved);
    void writeAutosave();
    bool writeLessonCopy(const QString& text);
    void removeRecovery();
    void writeSession(bool clean);
    void rememberRecent(const QString& path);
    void setNotice(const QString& notice);
    void ensureLessonLibraryLink() const;

    QString lessons_folder_;
    Kind kind_ = Kind::Untitled;
    QString path_;
    QString loaded_text_;
    QString current_text_;
    QString original_text_;  // a lesson's bundled text; a file's text on disk
    bool unsaved_ = false;
    bool remembers_ = true;
    bool session_written_ = false;  // this run wrote session.json (so it marks it closed cleanly)
    QString notice_;
    QTimer autosave_;
};

}  // namespace loopscope::app
