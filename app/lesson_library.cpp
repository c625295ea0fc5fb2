#include "lesson_library.h"

#include <QFileInfo>
#include <QSettings>
#include <QStringList>
#include <QVariantMap>
#include <exception>
#include <system_error>

#include "lesson/lesson_catalog.h"
#include "user_files.h"

#ifndef LOOPSCOPE_SOURCE_LESSONS_DIR
#define LOOPSCOPE_SOURCE_LESSONS_DIR ""
#endif

namespace loopscope::app {

namespace {

constexpr const char* kFirstLesson = "01_hello_event_loop.py";

bool has_lessons(const std::filesystem::path& folder) {
    std::error_code ignored;
    return !folder.empty() && std::filesystem::is_regular_file(folder / kFirstLesson, ignored);
}

}  // namespace

LessonLibrary::LessonLibrary(const std::filesystem::path& folder, QObject* parent)
    : QObject(parent), folder_(QString::fromStdString(folder.string())) {
    if (!has_lessons(folder)) {
        return;
    }
    try {
        for (const lesson::LessonEntry& entry : lesson::load_lesson_catalog(folder)) {
            QStringList checkpoint_ids;
            for (const lesson::Checkpoint& checkpoint : entry.lesson.checkpoints) {
                checkpoint_ids.append(QString::fromStdString(checkpoint.id));
            }
            lessons_.append(QVariantMap{
                {QStringLiteral("number"), entry.number},
                {QStringLiteral("title"), QString::fromStdString(entry.lesson.title)},
                {QStringLiteral("path"), QString::fromStdString(entry.path.string())},
                {QStringLiteral("checkpointIds"), checkpoint_ids},
            });
        }
    } catch (const std::exception&) {
        lessons_.clear();  // a broken folder: the picker stays empty, scripts still run
    }
    refreshMarks();
}

void LessonLibrary::refreshMarks() {
    const QSettings settings;
    for (QVariant& lesson : lessons_) {
        QVariantMap map = lesson.toMap();
        const QString path = map.value(QStringLiteral("path")).toString();
        const QStringList ids = map.value(QStringLiteral("checkpointIds")).toStringList();
        const QString answers_group =
            QStringLiteral("answers/") + QFileInfo(path).completeBaseName() + QLatin1Char('/');
        int answered = 0;
        for (const QString& id : ids) {
            if (!settings.value(answers_group + id).toString().isEmpty()) {
                ++answered;
            }
        }
        const bool changed = QFileInfo::exists(user_copy_of(path));
        QStringList marks;
        if (changed) {
            marks.append(QStringLiteral("✎"));
        }
        if (answered > 0) {
            marks.append(QStringLiteral("%1/%2 ✓").arg(answered).arg(ids.size()));
        }
        map.insert(QStringLiteral("checkpoints"), static_cast<int>(ids.size()));
        map.insert(QStringLiteral("answered"), answered);
        map.insert(QStringLiteral("changed"), changed);
        map.insert(QStringLiteral("marks"), marks.join(QLatin1Char(' ')));
        lesson = map;
    }
    emit lessonsChanged();
}

QString LessonLibrary::pathOf(int number) const {
    for (const QVariant& lesson : lessons_) {
        const QVariantMap map = lesson.toMap();
        if (map.value(QStringLiteral("number")).toInt() == number) {
            return map.value(QStringLiteral("path")).toString();
        }
    }
    return {};
}

int LessonLibrary::numberOf(const QString& path) const {
    if (is_user_copy(path)) {
        const QString name = QFileInfo(path).fileName();
        for (const QVariant& lesson : lessons_) {
            const QVariantMap map = lesson.toMap();
            if (QFileInfo(map.value(QStringLiteral("path")).toString()).fileName() == name) {
                return map.value(QStringLiteral("number")).toInt();
            }
        }
        return 0;
    }
    std::error_code ignored;
    const std::filesystem::path wanted =
        std::filesystem::weakly_canonical(path.toStdString(), ignored);
    for (const QVariant& lesson : lessons_) {
        const QVariantMap map = lesson.toMap();
        const std::filesystem::path candidate = std::filesystem::weakly_canonical(
            map.value(QStringLiteral("path")).toString().toStdString(), ignored);
        if (candidate == wanted) {
            return map.value(QStringLiteral("number")).toInt();
        }
    }
    return 0;
}

std::filesystem::path find_lessons_folder(const std::filesystem::path& executable_dir) {
    const std::filesystem::path candidates[] = {
        executable_dir / ".." / "share" / "loopscope" / "lessons",
        executable_dir / "lessons",
        std::filesystem::path(LOOPSCOPE_SOURCE_LESSONS_DIR),
    };
    for (const std::filesystem::path& candidate : candidates) {
        if (has_lessons(candidate)) {
            return candidate.lexically_normal();
        }
    }
    return {};
}

}  // namespace loopscope::app
