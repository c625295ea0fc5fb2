#include "script_document.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSettings>
#include <QUrl>

#include "user_files.h"

namespace loopscope::app {

namespace {

const QString kRecentFilesKey = QStringLiteral("editor/recentFiles");
const QString kUntitledName = QStringLiteral("untitled.py");
const QString kUntitledTemplate = QStringLiteral(
    "import asyncio\n\n\nasync def main():\n    print(\"hello\")\n    await asyncio.sleep(1)\n"
    "    print(\"world\")\n\n\nasyncio.run(main())\n");

bool read_text(const QString& path, QString& text) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    text = QString::fromUtf8(file.readAll());
    return true;
}

// Atomically: a crash in the middle of a write leaves the previous text, never half of it.
bool write_text(const QString& path, const QString& text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    file.write(text.toUtf8());
    return file.commit();
}

QString absolute(const QString& path) {
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

QString session_path() {
    return recovery_folder() + QStringLiteral("/session.json");
}

}  // namespace

ScriptDocument::ScriptDocument(QString lessons_folder, QObject* parent)
    : QObject(parent),
      lessons_folder_(lessons_folder.isEmpty() ? QString() : absolute(lessons_folder)) {
    autosave_.setSingleShot(true);
    autosave_.setInterval(kAutosaveDelayMs);
    connect(&autosave_, &QTimer::timeout, this, &ScriptDocument::writeAutosave);
}

ScriptDocument::~ScriptDocument() {
    close_session();
}

QString ScriptDocument::kind() const {
    switch (kind_) {
        case Kind::Lesson:
            return QStringLiteral("lesson");
        case Kind::File:
            return QStringLiteral("file");
        case Kind::Untitled:
            break;
    }
    return QStringLiteral("untitled");
}

QString ScriptDocument::displayName() const {
    return kind_ == Kind::Untitled ? kUntitledName : QFileInfo(path_).fileName();
}

QString ScriptDocument::runPath() const {
    switch (kind_) {
        case Kind::Lesson: {
            const QString copy = user_copy_of(path_);
            return QFileInfo::exists(copy) ? copy : path_;
        }
        case Kind::File:
            return path_;
        case Kind::Untitled:
            break;
    }
    return recoveryPath();
}

bool ScriptDocument::changedFromOriginal() const {
    return kind_ == Kind::Lesson && QFileInfo::exists(user_copy_of(path_));
}

QStringList ScriptDocument::recentFiles() const {
    return QSettings().value(kRecentFilesKey).toStringList();
}

QString ScriptDocument::recoveryPathOf(Kind kind, const QString& path) const {
    if (kind == Kind::Untitled) {
        return recovery_folder() + QLatin1Char('/') + kUntitledName;
    }
    // One recovery file per file on disk: switching files keeps each one's unsaved edits.
    const QByteArray digest =
        QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex().left(10);
    return recovery_folder() + QLatin1Char('/') + QFileInfo(path).completeBaseName() +
           QLatin1Char('-') + QString::fromLatin1(digest) + QStringLiteral(".py");
}

QString ScriptDocument::recoveryPath() const {
    return recoveryPathOf(kind_, path_);
}

QString ScriptDocument::bundledPathOf(const QString& path) const {
    if (lessons_folder_.isEmpty() || path.isEmpty()) {
        return {};
    }
    const QFileInfo info(path);
    if (is_user_copy(path) || absolute(info.absolutePath()) == lessons_folder_) {
        const QString bundled = lessons_folder_ + QLatin1Char('/') + info.fileName();
        if (QFileInfo(bundled).isFile()) {
            return bundled;
        }
    }
    return {};
}

void ScriptDocument::load(Kind kind, const QString& path, const QString& text, bool unsaved) {
    autosave_.stop();
    kind_ = kind;
    path_ = path;
    loaded_text_ = text;
    current_text_ = text;
    unsaved_ = unsaved;
    emit identityChanged();
    emit loaded();
    emit stateChanged();
}

QString ScriptDocument::open(const QString& path) {
    flush();
    if (path.isEmpty()) {
        return {};
    }
    const QString bundled = bundledPathOf(path);
    if (!bundled.isEmpty()) {
        QString original;
        if (!read_text(bundled, original)) {
            setNotice(tr("Cannot read %1.").arg(bundled));
            return {};
        }
        QString text = original;
        const QString copy = user_copy_of(bundled);
        if (QFileInfo::exists(copy) && !read_text(copy, text)) {
            text = original;
        }
        original_text_ = original;
        load(Kind::Lesson, bundled, text, false);
        return runPath();
    }
    const QString file = absolute(path);
    QString on_disk;
    if (!read_text(file, on_disk)) {
        setNotice(tr("Cannot open %1.").arg(file));
        return {};
    }
    original_text_ = on_disk;
    QString text = on_disk;
    QString recovered;
    const QString recovery = recoveryPathOf(Kind::File, file);
    const bool restored = read_text(recovery, recovered) && recovered != on_disk;
    if (restored) {
        text = recovered;
    }
    load(Kind::File, file, text, restored);
    if (restored) {
        setNotice(tr("Restored your unsaved edits of %1 (autosaved %2). Ctrl+S saves them.")
                      .arg(displayName(), QFileInfo(recovery).lastModified().toString(
                                              QStringLiteral("HH:mm:ss"))));
    }
    rememberRecent(file);
    return runPath();
}

void ScriptDocument::openUntitled() {
    flush();
    QString text;
    const QString recovery = recoveryPathOf(Kind::Untitled, {});
    const bool kept = read_text(recovery, text);
    if (!kept) {
        text = kUntitledTemplate;
    }
    original_text_.clear();
    load(Kind::Untitled, {}, text, true);
    if (!kept) {
        writeAutosave();  // so that it can run at once
    }
}

QString ScriptDocument::follow(const QString& path) {
    if (path.isEmpty() || absolute(path) == absolute(runPath())) {
        return {};
    }
    const QString bundled = bundledPathOf(path);
    const QString run =
        (kind_ == Kind::Lesson && !bundled.isEmpty() && bundled == path_) ? runPath() : open(path);
    return run.isEmpty() || absolute(run) == absolute(path) ? QString() : run;
}

void ScriptDocument::edit(const QString& text) {
    if (text == current_text_) {
        return;
    }
    current_text_ = text;
    if (kind_ == Kind::File) {
        unsaved_ = text != original_text_;
    }
    autosave_.start();
    emit stateChanged();
}

void ScriptDocument::flush() {
    if (autosave_.isActive()) {
        autosave_.stop();
        writeAutosave();
    }
}

void ScriptDocument::writeAutosave() {
    switch (kind_) {
        case Kind::Lesson: {
            const bool had_copy = changedFromOriginal();
            if (current_text_ == original_text_) {
                QFile::remove(user_copy_of(path_));  // back to the bundled text: nothing changed
            } else if (!writeLessonCopy(current_text_)) {
                setNotice(tr("Could not save your copy of %1 in %2.")
                              .arg(displayName(), user_lesson_copies_folder()));
            }
            if (had_copy != changedFromOriginal()) {
                emit userCopiesChanged();
            }
            break;
        }
        case Kind::File:
            if (unsaved_) {
                write_text(recoveryPath(), current_text_);
            } else {
                removeRecovery();
            }
            break;
        case Kind::Untitled:
            write_text(recoveryPath(), current_text_);
            break;
    }
    writeSession(false);
    emit stateChanged();
}

bool ScriptDocument::writeLessonCopy(const QString& text) {
    if (!write_text(user_copy_of(path_), text)) {
        return false;
    }
    ensureLessonLibraryLink();
    return true;
}

// A copy runs from the copies folder, and the interpreter resolves `import lib.fake_http`
// beside the script: a link there to the bundled lib keeps the copies importing it.
void ScriptDocument::ensureLessonLibraryLink() const {
    const QString bundled_lib = lessons_folder_ + QStringLiteral("/lib");
    const QString copies_lib = user_lesson_copies_folder() + QStringLiteral("/lib");
    const QFileInfo link(copies_lib);
    if (!QFileInfo(bundled_lib).isDir() ||
        (link.exists() && (!link.isSymLink() || link.symLinkTarget() == bundled_lib))) {
        return;
    }
    QFile::remove(copies_lib);  // a link to where the lessons were before (another build)
    if (QFile::link(bundled_lib, copies_lib)) {
        return;
    }
    // No links on this file system: a copy.
    QDir().mkpath(copies_lib);
    QDirIterator files(bundled_lib, {QStringLiteral("*.py")}, QDir::Files);
    while (files.hasNext()) {
        const QString from = files.next();
        QFile::copy(from, copies_lib + QLatin1Char('/') + QFileInfo(from).fileName());
    }
}

void ScriptDocument::removeRecovery() {
    if (kind_ != Kind::Lesson) {
        QFile::remove(recoveryPath());
    }
}

QString ScriptDocument::prepareRun() {
    flush();
    if (kind_ == Kind::File && unsaved_) {
        save();
    } else if (kind_ == Kind::Untitled && !QFileInfo::exists(recoveryPath())) {
        writeAutosave();
    }
    return runPath();
}

bool ScriptDocument::save() {
    switch (kind_) {
        case Kind::Lesson:
            autosave_.stop();
            writeAutosave();
            return true;
        case Kind::File:
            autosave_.stop();
            if (!write_text(path_, current_text_)) {
                setNotice(tr("Could not save %1.").arg(path_));
                return false;
            }
            original_text_ = current_text_;
            unsaved_ = false;
            removeRecovery();
            emit stateChanged();
            return true;
        case Kind::Untitled:
            break;
    }
    return false;
}

bool ScriptDocument::saveAs(const QString& path_or_url) {
    const QUrl url(path_or_url);
    QString target = url.isLocalFile() ? url.toLocalFile() : path_or_url;
    if (target.isEmpty()) {
        return false;
    }
    if (QFileInfo(target).suffix().isEmpty()) {
        target += QStringLiteral(".py");
    }
    autosave_.stop();
    if (!write_text(target, current_text_)) {
        setNotice(tr("Could not save %1.").arg(target));
        return false;
    }
    if (kind_ != Kind::Lesson) {
        removeRecovery();  // the text is in the new file now
    }
    kind_ = Kind::File;
    path_ = absolute(target);
    original_text_ = current_text_;
    unsaved_ = false;
    rememberRecent(path_);
    writeSession(false);
    emit identityChanged();
    emit stateChanged();
    return true;
}

QString ScriptDocument::resetToOriginal() {
    if (kind_ != Kind::Lesson) {
        return runPath();
    }
    autosave_.stop();
    QFile::remove(user_copy_of(path_));
    load(Kind::Lesson, path_, original_text_, false);
    emit userCopiesChanged();
    return runPath();
}

void ScriptDocument::dismissNotice() {
    setNotice({});
}

void ScriptDocument::setNotice(const QString& notice) {
    if (notice != notice_) {
        notice_ = notice;
        emit noticeChanged();
    }
}

void ScriptDocument::rememberRecent(const QString& path) {
    if (!remembers_) {
        return;
    }
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kRecentFiles) {
        recent.removeLast();
    }
    QSettings().setValue(kRecentFilesKey, recent);
    emit recentFilesChanged();
}

void ScriptDocument::writeSession(bool clean) {
    if (!remembers_) {
        return;
    }
    const QJsonObject session{
        {QStringLiteral("kind"), kind()},
        {QStringLiteral("path"), path_},
        {QStringLiteral("clean"), clean},
    };
    write_text(session_path(), QString::fromUtf8(QJsonDocument(session).toJson()));
    session_written_ = true;
}

QString ScriptDocument::restore_session() {
    QString json;
    if (!read_text(session_path(), json)) {
        return {};
    }
    const QJsonObject session = QJsonDocument::fromJson(json.toUtf8()).object();
    const QString kind = session.value(QStringLiteral("kind")).toString();
    const QString path = session.value(QStringLiteral("path")).toString();
    const bool clean = session.value(QStringLiteral("clean")).toBool();
    QString run;
    if (kind == QStringLiteral("untitled")) {
        if (QFileInfo::exists(recoveryPathOf(Kind::Untitled, {}))) {
            openUntitled();
            setNotice(tr("Restored your untitled script (autosaved %1).")
                          .arg(QFileInfo(recoveryPath())
                                   .lastModified()
                                   .toString(QStringLiteral("HH:mm:ss"))));
            run = runPath();
        }
    } else if (kind == QStringLiteral("file")) {
        if (QFileInfo::exists(recoveryPathOf(Kind::File, path))) {
            run = open(path);  // says what it restored
        }
    } else if (kind == QStringLiteral("lesson") && !clean &&
               QFileInfo::exists(user_copy_of(path))) {
        run = open(path);
        setNotice(tr("Loopscope did not close properly: reopened your copy of %1 as you left it.")
                      .arg(displayName()));
    }
    if (!run.isEmpty()) {
        writeSession(false);
    }
    return run;
}

void ScriptDocument::close_session() {
    flush();
    if (session_written_) {
        writeSession(true);
    }
}

}  // namespace loopscope::app
