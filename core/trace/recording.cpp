#include "trace/recording.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <string_view>
#include <unordered_set>

#include "trace/recorder.h"

namespace loopscope::trace {

namespace {

// "\x89" keeps a text editor or a 7-bit transfer from mistaking the file for text (and marks
// one that went through one); "\r\n" shows a newline conversion (as PNG's signature does).
constexpr std::array<char, 8> kMagic = {'\x89', 'L', 'S', 'R', 'E', 'C', '\r', '\n'};
constexpr std::size_t kEventBytes = 32;

// Section tags (docs/RECORDING.md).
constexpr std::string_view kMetaTag = "META";
constexpr std::string_view kSourceTag = "SRCE";
constexpr std::string_view kStringsTag = "STRS";
constexpr std::string_view kEventsTag = "EVTS";
constexpr std::string_view kOutputTag = "OUTP";

// Appends little-endian numbers and length-prefixed strings to a byte buffer.
class ByteWriter {
public:
    template <typename Unsigned>
    void number(Unsigned value) {
        for (std::size_t byte = 0; byte < sizeof(Unsigned); ++byte) {
            bytes_.push_back(static_cast<char>((value >> (8 * byte)) & 0xffU));
        }
    }
    void text(std::string_view value) {
        number(static_cast<std::uint32_t>(value.size()));
        raw(value);
    }
    void raw(std::string_view value) { bytes_.append(value); }
    const std::string& bytes() const { return bytes_; }

private:
    std::string bytes_;
};

// Reads what ByteWriter wrote, refusing to read past the end of its bytes.
class ByteReader {
public:
    ByteReader(std::string_view bytes, std::size_t base_offset, std::string_view what)
        : bytes_(bytes), base_(base_offset), what_(what) {}

    template <typename Unsigned>
    Unsigned number() {
        const std::string_view data = take(sizeof(Unsigned));
        Unsigned value = 0;
        for (std::size_t byte = 0; byte < sizeof(Unsigned); ++byte) {
            value |= static_cast<Unsigned>(
                static_cast<Unsigned>(static_cast<unsigned char>(data[byte])) << (8 * byte));
        }
        return value;
    }
    std::string text() {
        const auto size = number<std::uint32_t>();
        return std::string(take(size));
    }
    std::string_view take(std::size_t size) {
        if (size > bytes_.size() - at_) {
            fail("ends too early: " + std::to_string(size) + " bytes wanted, " +
                 std::to_string(bytes_.size() - at_) + " left");
        }
        const std::string_view data = bytes_.substr(at_, size);
        at_ += size;
        return data;
    }
    std::size_t left() const { return bytes_.size() - at_; }
    std::size_t offset() const { return base_ + at_; }
    [[noreturn]] void fail(const std::string& problem) const {
        throw RecordingError("Not a valid Loopscope recording: " + std::string(what_) + " " +
                             problem + " (at byte " + std::to_string(offset()) + ").");
    }

private:
    std::string_view bytes_;
    std::size_t base_;
    std::string_view what_;
    std::size_t at_ = 0;
};

std::string meta_section(const Recording& recording) {
    const std::pair<std::string_view, std::string> entries[] = {
        {"name", recording.name},
        {"kind", recording.is_script ? "script" : "builtin"},
        {"outcome", recording.outcome},
        {"error", recording.error},
        {"error_line", std::to_string(recording.error_line)},
    };
    ByteWriter writer;
    writer.number(static_cast<std::uint32_t>(std::size(entries)));
    for (const auto& [key, value] : entries) {
        writer.text(key);
        writer.text(value);
    }
    return writer.bytes();
}

std::string strings_section(const Recording& recording) {
    ByteWriter writer;
    writer.number(static_cast<std::uint32_t>(recording.strings.size()));
    for (const std::string& text : recording.strings) {
        writer.text(text);
    }
    return writer.bytes();
}

std::string events_section(const Recording& recording) {
    ByteWriter writer;
    writer.number(static_cast<std::uint64_t>(recording.events.size()));
    for (const Event& event : recording.events) {
        writer.number(static_cast<std::uint64_t>(event.time));
        writer.number(event.iteration);
        writer.number(static_cast<std::uint16_t>(event.kind));
        writer.number(event.flags);
        writer.number(event.subject);
        writer.number(event.object);
        writer.number(static_cast<std::uint64_t>(event.value));
    }
    return writer.bytes();
}

std::string output_section(const Recording& recording) {
    ByteWriter writer;
    writer.number(static_cast<std::uint32_t>(recording.untraced.size()));
    for (const Recording::UntracedOutput& output : recording.untraced) {
        writer.number(output.after_events);
        writer.number(static_cast<std::uint8_t>(output.stream));
        writer.text(output.text);
    }
    return writer.bytes();
}

void read_meta(ByteReader& reader, Recording& recording) {
    const auto count = reader.number<std::uint32_t>();
    for (std::uint32_t entry = 0; entry < count; ++entry) {
        const std::string key = reader.text();
        std::string value = reader.text();
        if (key == "name") {
            recording.name = std::move(value);
        } else if (key == "kind") {
            if (value != "script" && value != "builtin") {
                reader.fail("has kind '" + value + "', neither 'script' nor 'builtin'");
            }
            recording.is_script = value == "script";
        } else if (key == "outcome") {
            recording.outcome = std::move(value);
        } else if (key == "error") {
            recording.error = std::move(value);
        } else if (key == "error_line") {
            try {
                recording.error_line = std::stoll(value);
            } catch (const std::exception&) {
                reader.fail("has error_line '" + value + "', not a number");
            }
        }
        // Other keys come from newer writers: what they say is not needed to replay.
    }
}

void read_strings(ByteReader& reader, Recording& recording) {
    const auto count = reader.number<std::uint32_t>();
    // Each string takes at least its 4-byte length: a count the bytes cannot hold is corrupt,
    // and must not make us reserve gigabytes.
    if (count > reader.left() / 4) {
        reader.fail("claims " + std::to_string(count) + " strings in " +
                    std::to_string(reader.left()) + " bytes");
    }
    recording.strings.reserve(count);
    std::unordered_set<std::string_view> seen;
    for (std::uint32_t label = 0; label < count; ++label) {
        recording.strings.push_back(reader.text());
    }
    // A reader interns the table in order: label 0 must be "" and no string may come twice,
    // or the labels would shift.
    if (recording.strings.empty() || !recording.strings.front().empty()) {
        reader.fail("does not start with the empty string");
    }
    for (const std::string& text : recording.strings) {
        if (!seen.insert(text).second) {
            reader.fail("holds \"" + text.substr(0, 40) + "\" twice");
        }
    }
}

void read_events(ByteReader& reader, Recording& recording) {
    const auto count = reader.number<std::uint64_t>();
    if (count != reader.left() / kEventBytes || reader.left() % kEventBytes != 0) {
        reader.fail("claims " + std::to_string(count) + " events in " +
                    std::to_string(reader.left()) + " bytes (32 bytes each)");
    }
    recording.events.resize(static_cast<std::size_t>(count));
    for (Event& event : recording.events) {
        event.time = static_cast<Nanos>(reader.number<std::uint64_t>());
        event.iteration = reader.number<std::uint32_t>();
        event.kind = static_cast<EventKind>(reader.number<std::uint16_t>());
        event.flags = reader.number<std::uint16_t>();
        event.subject = reader.number<std::uint32_t>();
        event.object = reader.number<std::uint32_t>();
        event.value = static_cast<std::int64_t>(reader.number<std::uint64_t>());
        if (to_string(event.kind) == "unknown") {
            reader.fail("has an event of unknown kind " +
                        std::to_string(static_cast<unsigned>(event.kind)));
        }
    }
}

void read_output(ByteReader& reader, Recording& recording) {
    const auto count = reader.number<std::uint32_t>();
    // at least 8 + 1 + 4 bytes each
    if (count > reader.left() / 13) {
        reader.fail("claims " + std::to_string(count) + " lines in " +
                    std::to_string(reader.left()) + " bytes");
    }
    for (std::uint32_t line = 0; line < count; ++line) {
        Recording::UntracedOutput output;
        output.after_events = reader.number<std::uint64_t>();
        output.stream = reader.number<std::uint8_t>();
        output.text = reader.text();
        if (output.stream != 1 && output.stream != 2) {
            reader.fail("has output on stream " + std::to_string(output.stream));
        }
        recording.untraced.push_back(std::move(output));
    }
}

}  // namespace

bool operator==(const Recording& a, const Recording& b) {
    const auto same_event = [](const Event& x, const Event& y) {
        return x.time == y.time && x.iteration == y.iteration && x.kind == y.kind &&
               x.flags == y.flags && x.subject == y.subject && x.object == y.object &&
               x.value == y.value;
    };
    return a.name == b.name && a.is_script == b.is_script && a.source == b.source &&
           a.outcome == b.outcome && a.error == b.error && a.error_line == b.error_line &&
           a.strings == b.strings && a.untraced == b.untraced &&
           std::equal(a.events.begin(), a.events.end(), b.events.begin(), b.events.end(),
                      same_event);
}

void copy_trace(const Recorder& recorder, Recording& recording) {
    recording.strings.clear();
    for (std::size_t label = 0; label < recorder.string_count(); ++label) {
        recording.strings.emplace_back(recorder.text(static_cast<Label>(label)));
    }
    recording.events.assign(recorder.events().begin(), recorder.events().end());
}

void write_recording(std::ostream& out, const Recording& recording) {
    ByteWriter file;
    file.raw(std::string_view(kMagic.data(), kMagic.size()));
    file.number(kRecordingVersion);
    const std::pair<std::string_view, std::string> sections[] = {
        {kMetaTag, meta_section(recording)},       {kSourceTag, recording.source},
        {kStringsTag, strings_section(recording)}, {kEventsTag, events_section(recording)},
        {kOutputTag, output_section(recording)},
    };
    out.write(file.bytes().data(), static_cast<std::streamsize>(file.bytes().size()));
    for (const auto& [tag, payload] : sections) {
        ByteWriter head;
        head.raw(tag);
        head.number(static_cast<std::uint64_t>(payload.size()));
        out.write(head.bytes().data(), static_cast<std::streamsize>(head.bytes().size()));
        out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
    }
    out.flush();
    if (!out) {
        throw RecordingError("Could not write the recording (disk full or not writable?).");
    }
}

Recording read_recording(std::istream& in) {
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    ByteReader file(bytes, 0, "the file");
    if (bytes.size() < kMagic.size() ||
        std::memcmp(bytes.data(), kMagic.data(), kMagic.size()) != 0) {
        throw RecordingError(
            "Not a Loopscope recording: the file does not start with a recording's signature.");
    }
    file.take(kMagic.size());
    const auto version = file.number<std::uint32_t>();
    if (version == 0 || version > kRecordingVersion) {
        throw RecordingError("This recording is format version " + std::to_string(version) +
                             "; this Loopscope reads versions 1 to " +
                             std::to_string(kRecordingVersion) + ". A newer Loopscope made it.");
    }

    Recording recording;
    std::unordered_set<std::string> seen;
    while (file.left() > 0) {
        const std::string tag(file.take(4));
        const auto size = file.number<std::uint64_t>();
        if (size > file.left()) {
            file.fail("section " + tag + " claims " + std::to_string(size) + " bytes, " +
                      std::to_string(file.left()) + " left");
        }
        const std::size_t at = file.offset();
        const std::string_view payload = file.take(static_cast<std::size_t>(size));
        if (!seen.insert(tag).second) {
            file.fail("has section " + tag + " twice");
        }
        const std::string what = "section " + tag;
        ByteReader section(payload, at, what);
        if (tag == kMetaTag) {
            read_meta(section, recording);
        } else if (tag == kSourceTag) {
            recording.source = std::string(payload);
            continue;
        } else if (tag == kStringsTag) {
            read_strings(section, recording);
        } else if (tag == kEventsTag) {
            read_events(section, recording);
        } else if (tag == kOutputTag) {
            read_output(section, recording);
        } else {
            continue;  // a newer writer's section: skipped, as RECORDING.md promises
        }
        if (section.left() != 0) {
            section.fail("has " + std::to_string(section.left()) + " bytes after its end");
        }
    }
    for (const std::string_view needed : {kMetaTag, kStringsTag, kEventsTag}) {
        if (seen.count(std::string(needed)) == 0) {
            throw RecordingError("Not a valid Loopscope recording: section " + std::string(needed) +
                                 " is missing.");
        }
    }
    for (const Recording::UntracedOutput& output : recording.untraced) {
        if (output.after_events > recording.events.size()) {
            throw RecordingError(
                "Not a valid Loopscope recording: console output placed after event " +
                std::to_string(output.after_events) + " of " +
                std::to_string(recording.events.size()) + ".");
        }
    }
    return recording;
}

}  // namespace loopscope::trace
