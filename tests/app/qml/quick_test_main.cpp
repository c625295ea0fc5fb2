// The Qt Quick Tests of the app (tests/app/qml/README.md): every tst_*.qml beside this file runs
// against the real QML (the app's qml/ folder as the module `Loopscope`) and a real Engine,
// Player, LoopStage and CheckpointController, which each test file sees as context properties
// `engine`, `player`, `stage`, `checkpoints`, with `harness` for what QML cannot do by itself
// (run a scenario to its end, send keys to another window, dump the stage's models).
#include <QDir>
#include <QKeySequence>
#include <QQmlContext>
#include <QQmlEngine>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QWindow>
#include <QtQuickTest>
#include <QtTest>
#include <memory>

#include "checkpoint_controller.h"
#include "engine.h"
#include "interpreter_runner.h"
#include "keyed_list_model.h"
#include "loop_stage.h"
#include "player.h"
#include "qml_types.h"
#include "trace/event.h"

namespace loopscope::app {

// What the tests ask of C++.
class QuickHarness : public QObject {
    Q_OBJECT
    // Main.qml of the module under test, to create the app's window from a test.
    Q_PROPERTY(QUrl mainUrl READ mainUrl CONSTANT)

public:
    QuickHarness(Engine& engine, Player& player, LoopStage& stage)
        : engine_(engine), player_(player), stage_(stage) {}

    QUrl mainUrl() const {
        return QUrl::fromLocalFile(QStringLiteral(LOOPSCOPE_QML_IMPORTS "/Loopscope/Main.qml"));
    }

    // Runs a built-in scenario (or a .py under tests/app/qml/data) to its end, paused at 0.
    Q_INVOKABLE void runScenario(const QString& id) {
        finish([&] { engine_.runScenario(id); });
    }
    Q_INVOKABLE void runData(const QString& file) {
        const QString path = QStringLiteral(QUICK_TEST_SOURCE_DIR "/data/") + file;
        finish([&] { engine_.runScript(path); });
    }

    // The index of the first event of this kind (TRACE.md's name, e.g. "task-step-begin") at or
    // after `from`; -1 if none.
    Q_INVOKABLE int findEvent(const QString& kind, int from) const {
        const TraceStore& store = engine_.store();
        for (auto i = static_cast<std::size_t>(std::max(from, 0)); i < store.size(); ++i) {
            if (QString::fromUtf8(to_string(store.event(i).kind)) == kind) {
                return static_cast<int>(i);
            }
        }
        return -1;
    }

    // The name of the task event `index` is about, as of just after it.
    Q_INVOKABLE QString taskOfEvent(int index) const {
        const TraceStore& store = engine_.store();
        trace::State state;
        store.seek(static_cast<std::size_t>(index) + 1, state);
        const std::uint32_t task = store.event(static_cast<std::size_t>(index)).subject;
        for (const auto& candidate : state.tasks()) {
            if (candidate.id == task) {
                return QString::fromUtf8(store.text(candidate.name));
            }
        }
        return {};
    }

    // Everything the stage shows, as text: its properties and every row of its models.
    Q_INVOKABLE QString snapshot() const {
        QString text = QStringLiteral("position %1 iteration %2 phase %3 running %4 now %5\n")
                           .arg(player_.position())
                           .arg(stage_.iteration())
                           .arg(stage_.phase(), stage_.runningLabel())
                           .arg(stage_.nowSeconds());
        const std::pair<const char*, KeyedListModel*> models[] = {
            {"tasks", stage_.tasks()},           {"ready", stage_.ready()},
            {"timers", stage_.timers()},         {"waitGroups", stage_.waitGroups()},
            {"primitives", stage_.primitives()}, {"jobs", stage_.jobs()},
            {"console", stage_.console()},
        };
        for (const auto& [name, model] : models) {
            text += QStringLiteral("%1 (%2)\n").arg(QLatin1String(name)).arg(model->rowCount());
            const QHash<int, QByteArray> roles = model->roleNames();
            for (int row = 0; row < model->rowCount(); ++row) {
                for (auto role = roles.cbegin(); role != roles.cend(); ++role) {
                    text += QStringLiteral(" %1=%2").arg(
                        QString::fromUtf8(role.value()),
                        model->data(model->index(row), role.key()).toString());
                }
                text += QLatin1Char('\n');
            }
        }
        return text;
    }

    // Sends a key (a QKeySequence string such as "Space", "Ctrl+Right", "Alt+1") to `window`
    // as the user would: its shortcuts see it first. TestCase.keyClick only reaches the test's
    // own window.
    Q_INVOKABLE void key(QWindow* window, const QString& sequence) const {
        // "+" alone is a separator to QKeySequence.
        const QKeyCombination combination = sequence == QLatin1String("+")
                                                ? QKeyCombination(Qt::Key_Plus)
                                                : QKeySequence(sequence)[0];
        QTest::keyClick(window, combination.key(), combination.keyboardModifiers());
    }

    Q_INVOKABLE QString storedAnswer(const QString& file, const QString& id) const {
        return CheckpointController::stored_answer(file, id);
    }

private:
    template <typename Start>
    void finish(Start start) {
        start();
        engine_.wait_until_finished();
        player_.pause();
        player_.seek(0);
    }

    Engine& engine_;
    Player& player_;
    LoopStage& stage_;
};

// Made by QUICK_TEST_MAIN_WITH_SETUP before the application exists: the app's objects are made
// once the application is there and shared by every test file.
class QuickTestSetup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable() {
        // Settings (answered checkpoints...) go to a throwaway folder, never the user's.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(settings_dir_.path()));
        QStandardPaths::setTestModeEnabled(true);
        register_qml_types();
        Engine::set_script_runner(interpreter_script_runner());
        engine_ = std::make_unique<Engine>();
        player_ = std::make_unique<Player>(engine_->store());
        player_->attach(*engine_);
        stage_ = std::make_unique<LoopStage>(engine_->store(), *player_);
        checkpoints_ = std::make_unique<CheckpointController>(engine_->store(), *player_);
        checkpoints_->attach(*engine_);
        harness_ = std::make_unique<QuickHarness>(*engine_, *player_, *stage_);
    }

    void qmlEngineAvailable(QQmlEngine* qml) {
        qml->addImportPath(QStringLiteral(LOOPSCOPE_QML_IMPORTS));
        QQmlContext* context = qml->rootContext();
        context->setContextProperty(QStringLiteral("engine"), engine_.get());
        context->setContextProperty(QStringLiteral("player"), player_.get());
        context->setContextProperty(QStringLiteral("stage"), stage_.get());
        context->setContextProperty(QStringLiteral("checkpoints"), checkpoints_.get());
        context->setContextProperty(QStringLiteral("harness"), harness_.get());
    }

    void cleanupTestCase() {
        harness_.reset();
        checkpoints_.reset();
        stage_.reset();
        player_.reset();
        engine_.reset();
    }

private:
    QTemporaryDir settings_dir_;
    std::unique_ptr<Engine> engine_;
    std::unique_ptr<Player> player_;
    std::unique_ptr<LoopStage> stage_;
    std::unique_ptr<CheckpointController> checkpoints_;
    std::unique_ptr<QuickHarness> harness_;
};

}  // namespace loopscope::app

QUICK_TEST_MAIN_WITH_SETUP(app_quick, loopscope::app::QuickTestSetup)

#include "quick_test_main.moc"
