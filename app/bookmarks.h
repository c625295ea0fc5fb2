#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <vector>

namespace loopscope::app {

class Engine;

// An instructor's marks on a run: playhead positions (events applied) to come back to while
// presenting. B toggles one at the playhead, ] / [ jump to the next / previous; the timeline's
// scrub bar shows them.
//
// They belong to the script (or built-in scenario) they were made on and are kept in QSettings
// under `bookmarks/<file name>` (`bookmarks/demo-<id>` for a built-in), so they are there again
// the next time it is opened. A re-run of an edited script keeps them where they were, in events.
class Bookmarks : public QObject {
    Q_OBJECT
    // Sorted, each once.
    Q_PROPERTY(QVariantList positions READ positions NOTIFY positionsChanged)
    Q_PROPERTY(QString key READ key NOTIFY positionsChanged)

public:
    explicit Bookmarks(QObject* parent = nullptr);
    // Loads the bookmarks of each run's script as it starts.
    void attach(const Engine& engine);

    QVariantList positions() const;
    QString key() const { return key_; }
    const std::vector<int>& list() const { return positions_; }

    // Switches to the bookmarks kept under `key` (the settings key after "bookmarks/").
    void load(const QString& key);
    // Adds a bookmark at `position`, or removes the one there.
    Q_INVOKABLE void toggle(int position);
    Q_INVOKABLE bool contains(int position) const;
    // The first bookmark after (before) `position`; -1 when there is none.
    Q_INVOKABLE int next(int position) const;
    Q_INVOKABLE int previous(int position) const;
    Q_INVOKABLE void clear();

    // The key of a run: the script's file name, or "demo-<id>".
    static QString key_of(const Engine& engine);

signals:
    void positionsChanged();

private:
    void save() const;

    QString key_;
    std::vector<int> positions_;
};

}  // namespace loopscope::app
