#include "loop/threadsafe_inbox.h"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace loopscope {

ThreadsafeInbox::ThreadsafeInbox() {
    event_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (event_fd_ < 0) {
        throw std::system_error(errno, std::generic_category(), "eventfd");
    }
}

ThreadsafeInbox::~ThreadsafeInbox() {
    ::close(event_fd_);
}

void ThreadsafeInbox::post(PostedCallback posted) {
    {
        std::lock_guard lock(mutex_);
        posts_.push_back(std::move(posted));
        has_posts_.store(true, std::memory_order_release);
    }
    signal();
}

void ThreadsafeInbox::wake() {
    signal();
}

void ThreadsafeInbox::signal() {
    if (signalled_.exchange(true, std::memory_order_acq_rel)) {
        return;  // a write is already pending: the loop will see our post too
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(event_fd_, &one, sizeof one);
    writes_.fetch_add(1, std::memory_order_relaxed);
}

void ThreadsafeInbox::on_descriptor_ready() {
    std::uint64_t count = 0;
    [[maybe_unused]] auto n = ::read(event_fd_, &count, sizeof count);
}

std::vector<PostedCallback> ThreadsafeInbox::take_all() {
    signalled_.store(false, std::memory_order_release);
    std::vector<PostedCallback> taken;
    if (!has_posts_.load(std::memory_order_acquire)) {
        return taken;  // a post after this look signals again and is taken next time
    }
    std::lock_guard lock(mutex_);
    taken.swap(posts_);
    has_posts_.store(false, std::memory_order_relaxed);
    return taken;
}

}  // namespace loopscope
