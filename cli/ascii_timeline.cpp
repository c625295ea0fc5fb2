#include "ascii_timeline.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace loopscope::exporters {

using trace::EventKind;

namespace {

enum class LaneState : std::uint8_t { Absent, Waiting, Ready, Running, Finished };

char cell_of(LaneState state) {
    switch (state) {
        case LaneState::Waiting:
            return '-';
        case LaneState::Ready:
            return '+';
        case LaneState::Running:
            return '#';
        default:
            return ' ';
    }
}

// Which of two cells to show: running beats ready beats waiting beats nothing; an end mark
// is kept over anything.
int strength(char cell) {
    switch (cell) {
        case '#':
            return 3;
        case '+':
            return 2;
        case '-':
            return 1;
        case ' ':
            return 0;
        default:
            return 4;
    }
}

struct Lane {
    std::uint32_t task = 0;
    std::string title;
    std::string cells;
    LaneState state = LaneState::Absent;
    std::size_t filled_to = 0;  // cells before this column already hold `state`
    bool started = false;

    void mark(std::size_t column, char cell) {
        if (column >= cells.size()) {
            return;
        }
        if (strength(cell) > strength(cells[column])) {
            cells[column] = cell;
        }
    }
    // Applies the current state to every column up to and including `column`.
    void fill_to(std::size_t column) {
        if (!started) {
            return;
        }
        for (std::size_t c = filled_to; c <= column && c < cells.size(); ++c) {
            mark(c, cell_of(state));
        }
        filled_to = std::max(filled_to, column);
    }
    void set(std::size_t column, LaneState next) {
        fill_to(column);
        state = next;
        mark(column, cell_of(state));
    }
};

}  // namespace

void print_ascii_timeline(const trace::Recorder& recorder, std::ostream& out,
                          std::size_t max_columns) {
    std::uint32_t iterations = 0;
    for (const trace::Event& event : recorder.events()) {
        iterations = std::max(iterations, event.iteration);
    }
    if (iterations == 0) {
        out << "(no loop iterations)\n";
        return;
    }
    max_columns = std::max<std::size_t>(max_columns, 1);
    const std::size_t per_column = (iterations + max_columns - 1) / max_columns;
    const std::size_t columns = (iterations + per_column - 1) / per_column;
    auto column_of = [per_column](std::uint32_t iteration) -> std::size_t {
        return iteration == 0 ? 0 : (iteration - 1) / per_column;
    };

    std::vector<Lane> lanes;
    std::unordered_map<std::uint32_t, std::size_t> lane_of;
    std::unordered_map<std::uint32_t, std::string> coroutine_of;
    Nanos last_time = 0;

    for (const trace::Event& event : recorder.events()) {
        last_time = std::max(last_time, event.time);
        const std::size_t column = column_of(event.iteration);
        auto lane = [&]() -> Lane* {
            auto found = lane_of.find(event.subject);
            return found == lane_of.end() ? nullptr : &lanes[found->second];
        };
        switch (event.kind) {
            case EventKind::TaskCreated: {
                lane_of[event.subject] = lanes.size();
                Lane created;
                created.task = event.subject;
                created.cells.assign(columns, ' ');
                created.filled_to = column;
                created.started = true;
                lanes.push_back(std::move(created));
                coroutine_of[event.subject] =
                    std::string(recorder.text(static_cast<trace::Label>(event.value)));
                break;
            }
            case EventKind::TaskRenamed:
                if (Lane* l = lane()) {
                    l->title = std::string(recorder.text(static_cast<trace::Label>(event.value))) +
                               " " + coroutine_of[event.subject] + "()";
                }
                break;
            case EventKind::TaskReady:
                if (Lane* l = lane(); l && l->state != LaneState::Running) {
                    l->set(column, LaneState::Ready);
                }
                break;
            case EventKind::TaskStepBegin:
                if (Lane* l = lane()) {
                    l->set(column, LaneState::Running);
                }
                break;
            case EventKind::TaskStepEnd:
                if (Lane* l = lane()) {
                    // Ready again if the step scheduled its next one (sleep(0)), else waiting;
                    // a TaskReady recorded during the step is folded in here.
                    l->fill_to(column);
                    l->state = LaneState::Waiting;
                }
                break;
            case EventKind::TaskDone:
            case EventKind::TaskCancelled:
            case EventKind::TaskFailed:
                if (Lane* l = lane()) {
                    l->fill_to(column);
                    l->state = LaneState::Finished;
                    const char mark = event.kind == EventKind::TaskDone        ? 'o'
                                      : event.kind == EventKind::TaskCancelled ? 'c'
                                                                               : 'x';
                    const std::size_t at = std::min(column + 1, columns - 1);
                    if (l->cells[at] == ' ' || at > column) {
                        l->cells[at] = mark;
                    }
                    l->started = false;
                }
                break;
            default:
                break;
        }
    }
    for (Lane& lane : lanes) {
        lane.fill_to(columns - 1);
    }

    std::size_t title_width = 0;
    for (const Lane& lane : lanes) {
        title_width = std::max(title_width, lane.title.size());
    }
    out << "iterations 1.." << iterations << ", " << per_column
        << (per_column == 1 ? " per column" : " per column (bucketed)") << ", t=" << std::fixed
        << nanos_to_seconds(last_time) << " s at the end\n";
    out.unsetf(std::ios_base::floatfield);
    for (const Lane& lane : lanes) {
        std::string title = lane.title.empty() ? "task #" + std::to_string(lane.task) : lane.title;
        title.resize(std::max(title_width, title.size()), ' ');
        std::string cells = lane.cells;
        while (!cells.empty() && cells.back() == ' ') {
            cells.pop_back();
        }
        out << title << " |" << cells << "\n";
    }
    out << "# running  + ready  - waiting  o done  x failed  c cancelled\n";
}

}  // namespace loopscope::exporters
