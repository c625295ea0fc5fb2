#include "core/script/objects/attributes.h"

namespace loopscope::script {

namespace {

// Below this many entries a linear scan beats hashing the name.
constexpr std::size_t kLinearScanLimit = 8;

}  // namespace

std::uint64_t Attributes::hash_name(std::string_view name) {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
    for (char c : name) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

std::int64_t Attributes::find_index(std::string_view name, std::uint64_t hash) const {
    if (index_.empty()) {
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            const Entry& e = entries_[i];
            if (e.live && e.name == name) {
                return static_cast<std::int64_t>(i);
            }
        }
        return -1;
    }
    const std::size_t mask = index_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const std::int32_t at = index_[slot];
        if (at == -1) {
            return -1;
        }
        const Entry& e = entries_[static_cast<std::size_t>(at)];
        if (e.live && e.hash == hash && e.name == name) {
            return at;
        }
    }
}

Value* Attributes::find_slot(std::string_view name) {
    const std::int64_t i = find_index(name, index_.empty() ? 0 : hash_name(name));
    return i < 0 ? nullptr : &entries_[static_cast<std::size_t>(i)].value;
}

const Value* Attributes::find_slot(std::string_view name) const {
    const std::int64_t i = find_index(name, index_.empty() ? 0 : hash_name(name));
    return i < 0 ? nullptr : &entries_[static_cast<std::size_t>(i)].value;
}

bool Attributes::get(std::string_view name, Value& out) const {
    const Value* slot = find_slot(name);
    if (!slot) {
        return false;
    }
    out = *slot;
    return true;
}

void Attributes::set(std::string_view name, Value value) {
    const std::uint64_t hash = hash_name(name);
    const std::int64_t i = find_index(name, hash);
    if (i >= 0) {
        entries_[static_cast<std::size_t>(i)].value = std::move(value);
        return;
    }
    entries_.push_back(Entry{std::string(name), std::move(value), hash, true});
    ++live_;
    ++version_;
    if (entries_.size() > 2 * live_ + 8) {
        compact();
        rebuild_index();
    } else if (entries_.size() > kLinearScanLimit) {
        if (index_.size() >= 2 * entries_.size()) {
            insert_in_index(entries_.size() - 1);
        } else {
            rebuild_index();
        }
    }
}

bool Attributes::remove(std::string_view name) {
    const std::int64_t i = find_index(name, index_.empty() ? 0 : hash_name(name));
    if (i < 0) {
        return false;
    }
    Entry& e = entries_[static_cast<std::size_t>(i)];
    e.live = false;
    e.value = Value();
    --live_;
    ++version_;
    return true;
}

void Attributes::clear() {
    entries_.clear();
    index_.clear();
    live_ = 0;
    ++version_;
}

void Attributes::compact() {
    std::vector<Entry> kept;
    kept.reserve(live_);
    for (Entry& e : entries_) {
        if (e.live) {
            kept.push_back(std::move(e));
        }
    }
    entries_ = std::move(kept);
}

void Attributes::insert_in_index(std::size_t entry) {
    const std::size_t mask = index_.size() - 1;
    std::size_t slot = entries_[entry].hash & mask;
    while (index_[slot] != -1) {
        slot = (slot + 1) & mask;
    }
    index_[slot] = static_cast<std::int32_t>(entry);
}

void Attributes::rebuild_index() {
    if (entries_.size() <= kLinearScanLimit) {
        index_.clear();
        return;
    }
    std::size_t size = 16;
    while (size < 4 * entries_.size()) {
        size *= 2;
    }
    index_.assign(size, -1);
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        if (entries_[i].live) {
            insert_in_index(i);
        }
    }
}

}  // namespace loopscope::script
