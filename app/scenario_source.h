#pragma once

#include <QString>

namespace loopscope::app {

// What the engine runs: a built-in C++ scenario (demo_scenarios.h) or a Python file. Python
// files need the script interpreter; until it is wired in (Engine::set_script_runner) the
// engine reports that it cannot run them.
struct ScenarioSource {
    enum class Kind { Builtin, Script };

    static ScenarioSource builtin(QString id) { return {Kind::Builtin, std::move(id)}; }
    static ScenarioSource script(QString path) { return {Kind::Script, std::move(path)}; }

    Kind kind = Kind::Builtin;
    QString name;  // the scenario's id, or the script's path
};

}  // namespace loopscope::app
