#pragma once

#include <QAbstractListModel>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QVariant>
#include <vector>

namespace loopscope::app {

// A list model whose rows are replaced wholesale on every playhead move, yet which tells views
// only what changed: rows carry a key (a task id, a handle id), and `sync` turns the old list
// into the new one with row removals, moves and insertions by key plus dataChanged for rows
// whose values changed. Views then animate real transitions (a task leaving the ready queue's
// front, the others sliding up) instead of redrawing everything.
//
// Values are one QVariant per role, in the order of the role names given at construction.
class KeyedListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    struct Row {
        quint64 key = 0;
        QList<QVariant> values;  // one per role, in role order
    };

    KeyedListModel(QList<QByteArray> role_names, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(rows_.size()); }
    const std::vector<Row>& rows() const { return rows_; }
    // The role number of `name` (Qt::UserRole + its position), -1 if unknown.
    int role(const QByteArray& name) const;
    // For QML and tests: the row's value of the role called `name`.
    Q_INVOKABLE QVariant get(int row, const QString& name) const;

    // Makes the rows `rows` (keys must be unique), signalling the difference.
    void sync(std::vector<Row> rows);

signals:
    void countChanged();

private:
    QList<QByteArray> role_names_;
    std::vector<Row> rows_;
};

}  // namespace loopscope::app
