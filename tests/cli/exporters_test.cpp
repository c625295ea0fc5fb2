// The trace exporters of loopscope-run on a trace recorded by C++ scheduler code.
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "ascii_timeline.h"
#include "async/run.h"
#include "async/sleep.h"
#include "async/task.h"
#include "chrome_trace_writer.h"
#include "event_log_printer.h"
#include "sync/lock.h"
#include "sync/queue.h"

namespace loopscope {
namespace {

// A strict JSON syntax check (RFC 8259 grammar, no extensions): true if `text` is one value.
class JsonChecker {
public:
    explicit JsonChecker(const std::string& text) : s_(text) {}
    bool valid() {
        skip();
        if (!value()) {
            return false;
        }
        skip();
        return i_ == s_.size();
    }

private:
    void skip() {
        while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) {
            ++i_;
        }
    }
    bool literal(const char* word) {
        const std::string w(word);
        if (s_.compare(i_, w.size(), w) == 0) {
            i_ += w.size();
            return true;
        }
        return false;
    }
    bool string() {
        if (s_[i_] != '"') {
            return false;
        }
        for (++i_; i_ < s_.size(); ++i_) {
            const char c = s_[i_];
            if (c == '"') {
                ++i_;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                return false;
            }
            if (c == '\\') {
                ++i_;
                if (i_ >= s_.size() ||
                    std::string("\"\\/bfnrtu").find(s_[i_]) == std::string::npos) {
                    return false;
                }
            }
        }
        return false;
    }
    bool number() {
        const std::size_t start = i_;
        if (s_[i_] == '-') {
            ++i_;
        }
        while (i_ < s_.size() &&
               (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' ||
                s_[i_] == 'e' || s_[i_] == 'E' || s_[i_] == '+' || s_[i_] == '-')) {
            ++i_;
        }
        return i_ > start;
    }
    bool value() {
        if (i_ >= s_.size()) {
            return false;
        }
        const char c = s_[i_];
        if (c == '{') {
            ++i_;
            skip();
            if (s_[i_] == '}') {
                ++i_;
                return true;
            }
            for (;;) {
                skip();
                if (!string()) {
                    return false;
                }
                skip();
                if (s_[i_++] != ':') {
                    return false;
                }
                skip();
                if (!value()) {
                    return false;
                }
                skip();
                if (s_[i_] == ',') {
                    ++i_;
                    continue;
                }
                if (s_[i_] == '}') {
                    ++i_;
                    return true;
                }
                return false;
            }
        }
        if (c == '[') {
            ++i_;
            skip();
            if (s_[i_] == ']') {
                ++i_;
                return true;
            }
            for (;;) {
                skip();
                if (!value()) {
                    return false;
                }
                skip();
                if (s_[i_] == ',') {
                    ++i_;
                    continue;
                }
                if (s_[i_] == ']') {
                    ++i_;
                    return true;
                }
                return false;
            }
        }
        if (c == '"') {
            return string();
        }
        if (literal("true") || literal("false") || literal("null")) {
            return true;
        }
        return number();
    }

    const std::string& s_;
    std::size_t i_ = 0;
};

// The value of `"key":` in one event line (a number or a quoted string, quotes dropped).
std::string field(const std::string& line, const std::string& key) {
    const std::string needle = "\"" + key + "\":";
    const auto at = line.find(needle);
    if (at == std::string::npos) {
        return {};
    }
    std::size_t start = at + needle.size();
    if (line[start] == '"') {
        const auto end = line.find('"', start + 1);
        return line.substr(start + 1, end - start - 1);
    }
    std::size_t end = start;
    while (end < line.size() && line[end] != ',' && line[end] != '}') {
        ++end;
    }
    return line.substr(start, end - start);
}

// A run with tasks, a timer, a lock, a queue and a cancellation.
struct TracedRun : ::testing::Test {
    EventLoop loop;
    Scheduler scheduler{loop};

    void SetUp() override {
        Lock lock(scheduler);
        Queue<int> queue(scheduler, 2);
        auto producer = [&]() -> Coro<void> {
            for (int i = 0; i < 3; ++i) {
                co_await queue.put(i);
                co_await sleep(milliseconds(10));
            }
        };
        auto consumer = [&]() -> Coro<void> {
            for (int i = 0; i < 3; ++i) {
                co_await lock.acquire();
                (void)co_await queue.get();
                lock.release();
            }
        };
        auto sleeper = [&]() -> Coro<void> { co_await sleep(seconds(10)); };
        auto main = [&]() -> Coro<void> {
            Task<void> p = create_task(scheduler, producer(), {}, "producer");
            Task<void> c = create_task(scheduler, consumer(), {}, "consumer");
            Task<void> s = create_task(scheduler, sleeper(), {}, "sleeper");
            co_await p;
            co_await c;
            s.cancel("enough");
            try {
                co_await s;
            } catch (const CancelledError&) {
            }
        };
        run(scheduler, main());
    }
};

TEST_F(TracedRun, ChromeTraceIsValidJsonWithNonOverlappingTaskTracks) {
    std::ostringstream out;
    {
        exporters::ChromeTraceWriter writer(out);
        writer.write_run(loop.recorder(), 1, "asyncio.run #1");
    }
    const std::string json = out.str();
    EXPECT_TRUE(JsonChecker(json).valid()) << json.substr(0, 2000);

    // Per track: B/E balanced; task tracks never nest (one slice at a time).
    std::map<std::string, int> depth;
    std::map<std::string, int> flows;
    std::map<std::string, std::string> thread_names;
    bool saw_counter = false;
    bool saw_cancel = false;
    std::istringstream lines(json);
    std::string line;
    while (std::getline(lines, line)) {
        const std::string ph = field(line, "ph");
        const std::string tid = field(line, "tid");
        if (ph == "B") {
            ++depth[tid];
            if (tid != "0") {
                EXPECT_EQ(depth[tid], 1) << "overlapping slices on track " << tid << ": " << line;
            }
        } else if (ph == "E") {
            --depth[tid];
            EXPECT_GE(depth[tid], 0) << line;
        } else if (ph == "s") {
            ++flows[field(line, "id")];
        } else if (ph == "f") {
            --flows[field(line, "id")];
        } else if (ph == "C") {
            saw_counter = true;
        } else if (ph == "i" && field(line, "name") == "cancel requested") {
            saw_cancel = true;
        } else if (ph == "M" && field(line, "name") == "thread_name") {
            thread_names[tid] = line;
        }
    }
    for (const auto& [tid, d] : depth) {
        EXPECT_EQ(d, 0) << "track " << tid;
    }
    for (const auto& [id, balance] : flows) {
        EXPECT_EQ(balance, 0) << "flow " << id;
    }
    EXPECT_TRUE(saw_counter);
    EXPECT_TRUE(saw_cancel);
    // Tracks of Task-1..Task-4 and the loop.
    EXPECT_GE(thread_names.size(), 5u);
    EXPECT_NE(json.find("\"name\":\"Task-2\""), std::string::npos);
    EXPECT_NE(json.find("await timer"), std::string::npos);
}

TEST(ChromeTraceWriterTest, EscapesJsonStrings) {
    EXPECT_EQ(exporters::json_escape("a\"b\\c\nd\x01"), "a\\\"b\\\\c\\nd\\u0001");
}

TEST(ChromeTraceWriterTest, AnEmptyDocumentIsValid) {
    std::ostringstream out;
    { exporters::ChromeTraceWriter writer(out); }
    EXPECT_TRUE(JsonChecker(out.str()).valid()) << out.str();
}

TEST_F(TracedRun, EventLogHasOneLinePerEventWithNamesResolved) {
    std::ostringstream out;
    exporters::EventLogPrinter(loop.recorder()).print_all(out);
    const std::string text = out.str();
    std::size_t lines = 0;
    for (const char c : text) {
        lines += c == '\n' ? 1 : 0;
    }
    EXPECT_EQ(lines, loop.recorder().size());
    EXPECT_NE(text.find("task-created task #"), std::string::npos);
    EXPECT_NE(text.find("'producer'()"), std::string::npos);
    EXPECT_NE(text.find("task-waiting task #"), std::string::npos);
    EXPECT_NE(text.find("on timer #"), std::string::npos);
    EXPECT_NE(text.find("msg 'enough'"), std::string::npos);
    EXPECT_EQ(text.rfind("t=0.000000 it=", 0), 0u);
}

TEST_F(TracedRun, AsciiTimelineHasALanePerTask) {
    std::ostringstream out;
    exporters::print_ascii_timeline(loop.recorder(), out, 40);
    const std::string text = out.str();
    EXPECT_NE(text.find("Task-1 main()"), std::string::npos) << text;
    EXPECT_NE(text.find("Task-2 producer()"), std::string::npos) << text;
    EXPECT_NE(text.find("Task-4 sleeper()"), std::string::npos) << text;
    EXPECT_NE(text.find('#'), std::string::npos);
    EXPECT_NE(text.find('c'), std::string::npos);  // the sleeper was cancelled
    EXPECT_NE(text.find("# running"), std::string::npos);
}

}  // namespace
}  // namespace loopscope
