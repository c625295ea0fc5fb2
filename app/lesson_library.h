#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <filesystem>

namespace loopscope::app {

// The bundled lessons (lessons/NN_*.py) for the lesson picker: where they are and, for each, its
// number, title and path (core/lesson's catalog), and what the user did with it: `changed` (they
// edited it: a user copy exists, user_files.h), `answered` of `checkpoints` (QSettings
// `answers/<file base name>/<checkpoint id>`, written when a checkpoint is answered) and
// `marks`, the two in a few characters for the picker ("✎ 2/3 ✓").
class LessonLibrary : public QObject {
    Q_OBJECT
    // [{number, title, path, checkpoints, answered, changed, marks}], by number; empty when the
    // folder was not found.
    Q_PROPERTY(QVariantList lessons READ lessons NOTIFY lessonsChanged)
    Q_PROPERTY(QString folder READ folder CONSTANT)

public:
    // Reads the catalog of `folder` (an empty path or an unreadable folder: no lessons).
    explicit LessonLibrary(const std::filesystem::path& folder, QObject* parent = nullptr);

    QVariantList lessons() const { return lessons_; }
    QString folder() const { return folder_; }
    // The path of lesson `number`, or empty.
    Q_INVOKABLE QString pathOf(int number) const;
    // The number of the lesson at `path` (or at the user's copy of it), or 0 when it is not one
    // of them.
    Q_INVOKABLE int numberOf(const QString& path) const;
    // Reads the user's copies and answers again (after an edit, a reset or an answer).
    Q_INVOKABLE void refreshMarks();

signals:
    void lessonsChanged();

private:
    QVariantList lessons_;
    QString folder_;
};

// Where the lessons are: next to the installed executable (`<prefix>/share/loopscope/lessons`
// beside `<prefix>/bin`), then in the source tree the app was built from. Empty if neither has
// lesson 1.
std::filesystem::path find_lessons_folder(const std::filesystem::path& executable_dir);

}  // namespace loopscope::app
