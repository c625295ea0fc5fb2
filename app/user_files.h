#pragma once

#include <QString>

namespace loopscope::app {

// Where the user's own files live, under QStandardPaths::AppDataLocation (so a test that sets
// XDG_DATA_HOME, or QStandardPaths' test mode, never touches a real user's files):
//   <data>/lessons/   the user's copies of bundled lessons, by the same file name, beside a
//                     `lib` link to the bundled lessons/lib so that `from lib import ...` works
//   <data>/recovery/  autosaved text of files opened from disk and of untitled buffers, and
//                     session.json (what was open, whether the app closed cleanly)
QString user_lesson_copies_folder();
QString recovery_folder();

// The user's copy of the bundled lesson at `bundled_path` (whether or not it exists yet).
QString user_copy_of(const QString& bundled_path);

// True if `path` is in the user's copies folder.
bool is_user_copy(const QString& path);

}  // namespace loopscope::app
