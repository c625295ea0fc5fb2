#pragma once

#include <QString>

#include "trace/recording.h"

namespace loopscope::app {

class Engine;

// Saving and opening `.loopscope` recordings (docs/RECORDING.md) from the app: the engine's
// current run as a trace::Recording, and the checks a file must pass before the app shows it.

inline constexpr const char* kRecordingSuffix = "loopscope";

// The engine's current run: its script, how it ended and its whole trace.
trace::Recording capture_recording(const Engine& engine);

// Writes `recording` to `path` atomically (a failed save leaves an older file as it was).
// Returns an error message for the user, empty on success.
QString save_recording_file(const trace::Recording& recording, const QString& path);

// Reads and checks the recording at `path` into `recording`. Returns an error message for the
// user (file missing, not a recording, damaged), empty on success. Beyond the format's own
// checks, every label an event names must be in the string table: the views look them up.
QString open_recording_file(const QString& path, trace::Recording& recording);

}  // namespace loopscope::app
