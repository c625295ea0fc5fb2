#pragma once

#include <sys/epoll.h>

#include <cstdint>
#include <span>

namespace loopscope {

// A thin owner of one epoll instance (level-triggered, like CPython's EpollSelector).
class Poller {
public:
    Poller();
    ~Poller();
    Poller(const Poller&) = delete;
    Poller& operator=(const Poller&) = delete;

    // `events` is a mask of EPOLLIN / EPOLLOUT; 0 removes the descriptor.
    void watch(int fd, std::uint32_t events, bool already_watched);
    // Blocks up to `timeout_ms` (-1: no limit). Retries on EINTR. Returns how many are ready.
    int wait(std::span<epoll_event> ready, int timeout_ms);

private:
    int epoll_fd_ = -1;
};

}  // namespace loopscope
