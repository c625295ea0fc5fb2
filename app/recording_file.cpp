#include "recording_file.h"

#include <QFile>
#include <QSaveFile>
#include <sstream>
#include <string>

#include "engine.h"
#include "trace_batch.h"

namespace loopscope::app {

trace::Recording capture_recording(const Engine& engine) {
    trace::Recording recording;
    recording.name = engine.scenarioName().toStdString();
    recording.is_script = engine.isScript();
    recording.source = engine.source().toStdString();
    recording.outcome = engine.status().toStdString();
    recording.error = engine.error().toStdString();
    recording.error_line = engine.errorLine();
    const TraceStore& store = engine.store();
    trace::copy_trace(store.recorder(), recording);
    for (const TraceStore::UntracedOutput& output : store.untraced_output()) {
        recording.untraced.push_back({output.after_events, output.stream, output.text});
    }
    return recording;
}

QString save_recording_file(const trace::Recording& recording, const QString& path) {
    std::ostringstream bytes(std::ios::binary);
    try {
        trace::write_recording(bytes, recording);
    } catch (const trace::RecordingError& error) {
        return QString::fromStdString(error.what());
    }
    const std::string data = bytes.str();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
    }
    file.write(data.data(), static_cast<qint64>(data.size()));
    if (!file.commit()) {
        return QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
    }
    return {};
}

QString open_recording_file(const QString& path, trace::Recording& recording) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return QStringLiteral("Cannot open %1: %2").arg(path, file.errorString());
    }
    const QByteArray data = file.readAll();
    std::istringstream bytes(std::string(data.constData(), static_cast<std::size_t>(data.size())),
                             std::ios::binary);
    try {
        recording = trace::read_recording(bytes);
    } catch (const trace::RecordingError& error) {
        return QStringLiteral("%1: %2").arg(path, QString::fromStdString(error.what()));
    }
    const auto table = static_cast<std::int64_t>(recording.strings.size());
    for (std::size_t index = 0; index < recording.events.size(); ++index) {
        const trace::Event& event = recording.events[index];
        const int field = label_field(event.kind);
        const std::int64_t label = field == 1   ? static_cast<std::int64_t>(event.object)
                                   : field == 2 ? event.value
                                                : 0;
        if (label < 0 || label >= table) {
            recording = {};
            return QStringLiteral(
                       "%1: Not a valid Loopscope recording: event %2 names string %3, "
                       "but the table has %4.")
                .arg(path)
                .arg(index)
                .arg(label)
                .arg(table);
        }
    }
    return {};
}

}  // namespace loopscope::app
