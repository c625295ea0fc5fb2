#include "bookmarks.h"

#include <QFileInfo>
#include <QSettings>
#include <algorithm>

#include "engine.h"

namespace loopscope::app {

namespace {

QString settings_key(const QString& key) {
    return QStringLiteral("bookmarks/") + key;
}

}  // namespace

Bookmarks::Bookmarks(QObject* parent) : QObject(parent) {}

void Bookmarks::attach(const Engine& engine) {
    connect(&engine, &Engine::runStarted, this, [this, &engine] { load(key_of(engine)); });
}

QString Bookmarks::key_of(const Engine& engine) {
    return engine.isScript() ? QFileInfo(engine.scenarioName()).fileName()
                             : QStringLiteral("demo-") + engine.scenarioName();
}

QVariantList Bookmarks::positions() const {
    QVariantList list;
    for (const int position : positions_) {
        list.append(position);
    }
    return list;
}

void Bookmarks::load(const QString& key) {
    key_ = key;
    positions_.clear();
    if (!key_.isEmpty()) {
        const QVariantList stored = QSettings().value(settings_key(key_)).toList();
        for (const QVariant& value : stored) {
            bool ok = false;
            const int position = value.toInt(&ok);
            if (ok && position >= 0) {
                positions_.push_back(position);
            }
        }
        std::sort(positions_.begin(), positions_.end());
        positions_.erase(std::unique(positions_.begin(), positions_.end()), positions_.end());
    }
    emit positionsChanged();
}

void Bookmarks::toggle(int position) {
    if (position < 0) {
        return;
    }
    const auto at = std::lower_bound(positions_.begin(), positions_.end(), position);
    if (at != positions_.end() && *at == position) {
        positions_.erase(at);
    } else {
        positions_.insert(at, position);
    }
    save();
    emit positionsChanged();
}

bool Bookmarks::contains(int position) const {
    return std::binary_search(positions_.begin(), positions_.end(), position);
}

int Bookmarks::next(int position) const {
    const auto after = std::upper_bound(positions_.begin(), positions_.end(), position);
    return after == positions_.end() ? -1 : *after;
}

int Bookmarks::previous(int position) const {
    const auto at = std::lower_bound(positions_.begin(), positions_.end(), position);
    return at == positions_.begin() ? -1 : *std::prev(at);
}

void Bookmarks::clear() {
    positions_.clear();
    save();
    emit positionsChanged();
}

void Bookmarks::save() const {
    if (key_.isEmpty()) {
        return;
    }
    QSettings settings;
    if (positions_.empty()) {
        settings.remove(settings_key(key_));
    } else {
        settings.setValue(settings_key(key_), positions());
    }
}

}  // namespace loopscope::app
