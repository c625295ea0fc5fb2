#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <new>
#include <type_traits>
#include <utility>

namespace loopscope {

// Shared ownership of futures and tasks (FutureCore and what derives from it), counted beside
// the object instead of in std::shared_ptr's control block.
//
// A suspended task is one such object, and there may be a hundred thousand of them: the counts
// of std::make_shared take a 16-byte control block, and enable_shared_from_this another 16 bytes
// in the object; here they take 8 bytes, just before the object in its allocation, and a FutureRef
// is one pointer instead of two. Semantics are shared_ptr's: the object is destroyed with its
// last FutureRef, a WeakFutureRef can lock() a FutureRef while the object lives, and the storage
// goes with the last of both. Counting is atomic, as shared_ptr's is: a FutureRef may be dropped on
// an executor's thread.
class FutureCore;

namespace detail {

struct RefCounts {
    std::atomic<std::uint32_t> strong{1};
    // The WeakFutureRefs, plus one for all the FutureRefs together while there is any (as
    // libstdc++ counts).
    std::atomic<std::uint32_t> weak{1};
};

// make_future puts the counts right before the object, whose FutureCore part is at its start.
inline RefCounts* counts_of(const FutureCore* core) {
    return reinterpret_cast<RefCounts*>(
        const_cast<char*>(reinterpret_cast<const char*>(core) - sizeof(RefCounts)));
}

inline void release_weak(RefCounts* counts) {
    if (counts->weak.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        counts->~RefCounts();
        ::operator delete(static_cast<void*>(counts));
    }
}

// Calls FutureCore's virtual destructor (future.cpp): out of line, so that a file holding
// FutureRefs need not see FutureCore's definition.
void destroy_future(FutureCore* core) noexcept;

inline void release_strong(FutureCore* core) {
    RefCounts* counts = counts_of(core);
    if (counts->strong.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        destroy_future(core);
        release_weak(counts);
    }
}

}  // namespace detail

template <class T>
class WeakFutureRef;

// An owning pointer to a future or task made by make_future: std::shared_ptr's interface, as far
// as the scheduler and the interpreter use it.
template <class T>
class FutureRef {
public:
    FutureRef() = default;
    FutureRef(std::nullptr_t) {}  // NOLINT: converts as shared_ptr's does
    FutureRef(const FutureRef& other) : object_(other.object_) { retain(); }
    FutureRef(FutureRef&& other) noexcept : object_(std::exchange(other.object_, nullptr)) {}
    template <class U>
    requires std::is_convertible_v<U*, T*> FutureRef(const FutureRef<U>& other)
        : object_(other.get()) {  // NOLINT: converts as shared_ptr's does
        retain();
    }
    template <class U>
    requires std::is_convertible_v<U*, T*> FutureRef(FutureRef<U>&& other)
    noexcept : object_(other.release()) {}  // NOLINT: as shared_ptr's does
    ~FutureRef() { reset(); }

    FutureRef& operator=(FutureRef other) noexcept {
        std::swap(object_, other.object_);
        return *this;
    }

    // A new reference to an object that make_future made (what shared_from_this() was).
    static FutureRef to(T* object) {
        FutureRef ref;
        ref.object_ = object;
        ref.retain();
        return ref;
    }

    void reset() {
        if (T* object = std::exchange(object_, nullptr)) {
            detail::release_strong(object);
        }
    }
    // Gives up the reference without dropping it (for FutureRef's own conversions).
    T* release() { return std::exchange(object_, nullptr); }

    T* get() const { return object_; }
    T& operator*() const { return *object_; }
    T* operator->() const { return object_; }
    explicit operator bool() const { return object_ != nullptr; }

    template <class U>
    friend bool operator==(const FutureRef& a, const FutureRef<U>& b) {
        return a.get() == b.get();
    }
    friend bool operator==(const FutureRef& a, std::nullptr_t) { return a.object_ == nullptr; }

private:
    template <class U>
    friend class WeakFutureRef;

    void retain() const {
        if (object_ != nullptr) {
            detail::counts_of(object_)->strong.fetch_add(1, std::memory_order_relaxed);
        }
    }

    T* object_ = nullptr;
};

// std::make_shared for futures and tasks: the object and its counts in one allocation.
template <class T, class... Args>
FutureRef<T> make_future(Args&&... args) {
    static_assert(alignof(T) <= sizeof(detail::RefCounts));  // the object starts 8 bytes in
    void* storage = ::operator new(sizeof(detail::RefCounts) + sizeof(T));
    auto* counts =
        new (storage) detail::RefCounts{0, 1};  // FutureRef::to below counts the first FutureRef
    T* object = nullptr;
    try {
        object = new (static_cast<char*>(storage) + sizeof(detail::RefCounts))
            T(std::forward<Args>(args)...);
    } catch (...) {
        counts->~RefCounts();
        ::operator delete(storage);
        throw;
    }
    // counts_of() finds the counts from the FutureCore part: it must start the object.
    if (static_cast<void*>(static_cast<FutureCore*>(object)) != static_cast<void*>(object)) {
        std::terminate();
    }
    return FutureRef<T>::to(object);
}

// std::static_pointer_cast for FutureRefs.
template <class T, class U>
FutureRef<T> static_future_cast(const FutureRef<U>& ref) {
    return FutureRef<T>::to(static_cast<T*>(ref.get()));
}

// std::weak_ptr for FutureRefs: does not keep the object alive; lock() gives a FutureRef while it
// lives.
template <class T>
class WeakFutureRef {
public:
    WeakFutureRef() = default;
    WeakFutureRef(const FutureRef<T>& ref)  // NOLINT: converts as weak_ptr's does
        : counts_(ref ? detail::counts_of(ref.get()) : nullptr), object_(ref.get()) {
        retain();
    }
    WeakFutureRef(const WeakFutureRef& other) : counts_(other.counts_), object_(other.object_) {
        retain();
    }
    WeakFutureRef(WeakFutureRef&& other) noexcept
        : counts_(std::exchange(other.counts_, nullptr)),
          object_(std::exchange(other.object_, nullptr)) {}
    ~WeakFutureRef() {
        if (counts_ != nullptr) {
            detail::release_weak(counts_);
        }
    }
    WeakFutureRef& operator=(WeakFutureRef other) noexcept {
        std::swap(counts_, other.counts_);
        std::swap(object_, other.object_);
        return *this;
    }

    FutureRef<T> lock() const {
        if (counts_ == nullptr) {
            return nullptr;
        }
        std::uint32_t strong = counts_->strong.load(std::memory_order_relaxed);
        while (strong != 0) {
            if (counts_->strong.compare_exchange_weak(strong, strong + 1, std::memory_order_acq_rel,
                                                      std::memory_order_relaxed)) {
                FutureRef<T> ref;
                ref.object_ = object_;  // counted just now
                return ref;
            }
        }
        return nullptr;
    }

private:
    void retain() const {
        if (counts_ != nullptr) {
            counts_->weak.fetch_add(1, std::memory_order_relaxed);
        }
    }

    // The counts are kept apart from the object: once it is destroyed only they are read.
    detail::RefCounts* counts_ = nullptr;
    T* object_ = nullptr;
};

}  // namespace loopscope
