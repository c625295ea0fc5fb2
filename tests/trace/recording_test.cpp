// The recording file (docs/RECORDING.md): what is written reads back equal, and a file cut
// short or damaged anywhere gives a RecordingError, never a crash or a silently wrong trace.
#include "trace/recording.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "loop/event_loop.h"
#include "trace/recorder.h"

namespace loopscope::trace {
namespace {

// A small real run: two timers and a callback, so the trace has labels and several kinds.
Recording recorded_run() {
    EventLoop loop;
    const Label tick = loop.recorder().intern("tick()");
    loop.call_later(
        milliseconds(10), [] {}, tick);
    loop.call_later(
        milliseconds(250), [&] { loop.stop(); }, loop.recorder().intern("stop()"));
    loop.run_forever();
    Recording recording;
    recording.name = "/home/me/lessons/01_hello.py";
    recording.is_script = true;
    recording.source = "import asyncio\n\nasync def main():\n    print('hé')\n";
    recording.outcome = "failed";
    recording.error = "ZeroDivisionError: division by zero";
    recording.error_line = 4;
    copy_trace(loop.recorder(), recording);
    recording.untraced = {{0, 1, "before the loop\n"}, {recording.events.size(), 2, "after\n"}};
    return recording;
}

std::string bytes_of(const Recording& recording) {
    std::ostringstream out(std::ios::binary);
    write_recording(out, recording);
    return out.str();
}

Recording read_bytes(const std::string& bytes) {
    std::istringstream in(bytes, std::ios::binary);
    return read_recording(in);
}

TEST(RecordingTest, RoundTripGivesAnEqualRecording) {
    const Recording original = recorded_run();
    ASSERT_GT(original.events.size(), 5u);
    ASSERT_GT(original.strings.size(), 2u);
    const Recording copy = read_bytes(bytes_of(original));
    EXPECT_EQ(copy, original);
    EXPECT_EQ(copy.events.size(), original.events.size());
    EXPECT_EQ(copy.strings, original.strings);
    EXPECT_EQ(copy.source, original.source);
    EXPECT_EQ(copy.error_line, 4);
    EXPECT_EQ(copy.untraced.back().stream, 2);
}

TEST(RecordingTest, EqualityNoticesAChangedEvent) {
    const Recording original = recorded_run();
    Recording changed = original;
    changed.events[3].value += 1;
    EXPECT_FALSE(changed == original);
}

TEST(RecordingTest, BuiltinScenarioKeepsItsKind) {
    Recording original = recorded_run();
    original.is_script = false;
    original.name = "gather";
    EXPECT_FALSE(read_bytes(bytes_of(original)).is_script);
}

TEST(RecordingTest, StartsWithTheSignatureAndVersionLittleEndian) {
    const std::string bytes = bytes_of(recorded_run());
    EXPECT_EQ(bytes.substr(0, 8), std::string("\x89LSREC\r\n", 8));
    EXPECT_EQ(bytes.substr(8, 4), std::string("\x01\x00\x00\x00", 4));
    EXPECT_EQ(bytes.substr(12, 4), "META");
}

TEST(RecordingTest, EveryTruncationIsAClearError) {
    const std::string bytes = bytes_of(recorded_run());
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        try {
            read_bytes(bytes.substr(0, size));
            // Cutting exactly between sections leaves a shorter, still valid file only if the
            // required sections are all in it: OUTP is last and optional.
            EXPECT_GE(size, bytes.rfind("OUTP")) << "a file cut at " << size << " was accepted";
        } catch (const RecordingError& error) {
            EXPECT_NE(std::string(error.what()).find("recording"), std::string::npos);
        }
    }
}

TEST(RecordingTest, EveryDamagedByteIsAnErrorOrHarmless) {
    // Flipping any one byte must never crash or throw anything but RecordingError (a byte in
    // a string or a time may change the trace and still be a well-formed file).
    const std::string bytes = bytes_of(recorded_run());
    int rejected = 0;
    for (std::size_t at = 0; at < bytes.size(); ++at) {
        std::string damaged = bytes;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x5a);
        try {
            read_bytes(damaged);
        } catch (const RecordingError&) {
            ++rejected;
        }
    }
    EXPECT_GT(rejected, 20);
}

TEST(RecordingTest, TextFileIsNotARecording) {
    try {
        read_bytes("import asyncio\nasyncio.run(main())\n");
        FAIL() << "a Python file was read as a recording";
    } catch (const RecordingError& error) {
        EXPECT_NE(std::string(error.what()).find("signature"), std::string::npos);
    }
}

TEST(RecordingTest, NewerVersionIsRefusedByName) {
    std::string bytes = bytes_of(recorded_run());
    bytes[8] = 2;
    try {
        read_bytes(bytes);
        FAIL() << "version 2 was read";
    } catch (const RecordingError& error) {
        EXPECT_NE(std::string(error.what()).find("version 2"), std::string::npos);
    }
}

TEST(RecordingTest, HugeEventCountIsRefusedWithoutAllocating) {
    const std::string bytes = bytes_of(recorded_run());
    std::string damaged = bytes;
    const std::size_t events = bytes.find("EVTS") + 4 + 8;  // the section's count
    for (std::size_t byte = 0; byte < 8; ++byte) {
        damaged[events + byte] = '\xff';
    }
    EXPECT_THROW(read_bytes(damaged), RecordingError);
}

TEST(RecordingTest, DuplicateStringIsRefused) {
    // Interning a table with a string twice would shift every later label.
    Recording recording = recorded_run();
    recording.strings.push_back(recording.strings[1]);
    EXPECT_THROW(read_bytes(bytes_of(recording)), RecordingError);
}

TEST(RecordingTest, UnknownSectionIsSkipped) {
    const Recording original = recorded_run();
    std::string bytes = bytes_of(original);
    bytes += std::string("XTRA\x03\0\0\0\0\0\0\0abc", 15);
    EXPECT_EQ(read_bytes(bytes), original);
}

TEST(RecordingTest, MissingEventsSectionIsNamed) {
    const std::string bytes = bytes_of(recorded_run());
    const std::string without_events = bytes.substr(0, bytes.find("EVTS"));
    try {
        read_bytes(without_events);
        FAIL() << "a recording without events was read";
    } catch (const RecordingError& error) {
        EXPECT_NE(std::string(error.what()).find("EVTS"), std::string::npos);
    }
}

}  // namespace
}  // namespace loopscope::trace
