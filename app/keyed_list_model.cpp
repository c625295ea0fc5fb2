#include "keyed_list_model.h"

#include <unordered_map>
#include <unordered_set>

namespace loopscope::app {

KeyedListModel::KeyedListModel(QList<QByteArray> role_names, QObject* parent)
    : QAbstractListModel(parent), role_names_(std::move(role_names)) {}

int KeyedListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant KeyedListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const qsizetype column = role - Qt::UserRole;
    const Row& row = rows_[static_cast<std::size_t>(index.row())];
    if (column < 0 || column >= row.values.size()) {
        return {};
    }
    return row.values[column];
}

QHash<int, QByteArray> KeyedListModel::roleNames() const {
    QHash<int, QByteArray> names;
    for (qsizetype i = 0; i < role_names_.size(); ++i) {
        names.insert(Qt::UserRole + static_cast<int>(i), role_names_[i]);
    }
    return names;
}

int KeyedListModel::role(const QByteArray& name) const {
    const qsizetype at = role_names_.indexOf(name);
    return at < 0 ? -1 : Qt::UserRole + static_cast<int>(at);
}

QVariant KeyedListModel::get(int row, const QString& name) const {
    if (row < 0 || row >= count()) {
        return {};
    }
    return data(index(row), role(name.toUtf8()));
}

void KeyedListModel::sync(std::vector<Row> rows) {
    const int count_before = count();
    // 1. Rows whose key is gone leave, from the back so indices stay valid.
    std::unordered_set<quint64> wanted;
    wanted.reserve(rows.size());
    for (const Row& row : rows) {
        wanted.insert(row.key);
    }
    for (int i = count() - 1; i >= 0; --i) {
        if (!wanted.contains(rows_[static_cast<std::size_t>(i)].key)) {
            beginRemoveRows({}, i, i);
            rows_.erase(rows_.begin() + i);
            endRemoveRows();
        }
    }
    // 2. Front to back: each place gets its row by a move (if it was further down), an
    // insertion (if it is new), or stays; then its values are compared.
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Row& next = rows[i];
        const int at = static_cast<int>(i);
        if (i >= rows_.size() || rows_[i].key != next.key) {
            std::size_t found = i + 1;
            while (found < rows_.size() && rows_[found].key != next.key) {
                ++found;
            }
            if (found < rows_.size()) {
                beginMoveRows({}, static_cast<int>(found), static_cast<int>(found), {}, at);
                Row moving = std::move(rows_[found]);
                rows_.erase(rows_.begin() + static_cast<std::ptrdiff_t>(found));
                rows_.insert(rows_.begin() + at, std::move(moving));
                endMoveRows();
            } else {
                beginInsertRows({}, at, at);
                rows_.insert(rows_.begin() + at, std::move(next));
                endInsertRows();
                continue;
            }
        }
        if (rows_[i].values != next.values) {
            rows_[i].values = std::move(next.values);
            emit dataChanged(index(at), index(at));
        }
    }
    if (count() != count_before) {
        emit countChanged();
    }
}

}  // namespace loopscope::app
