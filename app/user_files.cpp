#include "user_files.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace loopscope::app {

namespace {

QString data_folder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

}  // namespace

QString user_lesson_copies_folder() {
    return data_folder() + QStringLiteral("/lessons");
}

QString recovery_folder() {
    return data_folder() + QStringLiteral("/recovery");
}

QString user_copy_of(const QString& bundled_path) {
    return user_lesson_copies_folder() + QLatin1Char('/') + QFileInfo(bundled_path).fileName();
}

bool is_user_copy(const QString& path) {
    return !path.isEmpty() && QFileInfo(path).absolutePath() ==
                                  QFileInfo(user_lesson_copies_folder()).absoluteFilePath();
}

}  // namespace loopscope::app
