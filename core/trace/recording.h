#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "trace/event.h"

namespace loopscope::trace {

// One run kept for replay: the script it ran, what the run ended as, and its whole trace (the
// events and the string table their labels index). The file format is docs/RECORDING.md:
// a header, then tagged sections, every number little-endian whatever the machine.
struct Recording {
    // Console text the script wrote outside any traced loop (before or after asyncio.run):
    // it has no event of its own, so it is kept with the number of events written before it.
    struct UntracedOutput {
        std::uint64_t after_events = 0;
        int stream = 1;  // 1 stdout, 2 stderr
        std::string text;

        friend bool operator==(const UntracedOutput&, const UntracedOutput&) = default;
    };

    std::string name;       // what the run was: a script's path or a built-in scenario's id
    bool is_script = true;  // a Python file (else a built-in scenario)
    std::string source;     // the script's text as it ran
    std::string outcome;    // "finished", "stopped", "failed", "limit"
    std::string error;      // the run's error message, empty if none
    std::int64_t error_line = 0;
    std::vector<std::string> strings;  // strings[label]; strings[0] is ""
    std::vector<Event> events;
    std::vector<UntracedOutput> untraced;

    friend bool operator==(const Recording&, const Recording&);
};

// A file that is not a recording, is cut short, or holds numbers that cannot be right. The
// message says what and where (byte offset), in words for the user.
class RecordingError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The format's version this code writes; it reads this one and older.
inline constexpr std::uint32_t kRecordingVersion = 1;

class Recorder;

// Copies a recorder's events and its string table into `recording` (replacing its trace).
void copy_trace(const Recorder& recorder, Recording& recording);

// Writes `recording` to `out` (opened in binary mode). Throws RecordingError if the stream
// fails.
void write_recording(std::ostream& out, const Recording& recording);

// Reads a whole recording from `in` (opened in binary mode). Throws RecordingError for anything
// that is not a well-formed recording; never reads past what the file holds, whatever its
// counts say.
Recording read_recording(std::istream& in);

}  // namespace loopscope::trace
