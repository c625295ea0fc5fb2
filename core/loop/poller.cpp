#include "loop/poller.h"

#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace loopscope {

Poller::Poller() {
    epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
    if (epoll_fd_ < 0) {
        throw std::system_error(errno, std::generic_category(), "epoll_create1");
    }
}

Poller::~Poller() {
    ::close(epoll_fd_);
}

void Poller::watch(int fd, std::uint32_t events, bool already_watched) {
    epoll_event event{};
    event.events = events;
    event.data.fd = fd;
    int op = EPOLL_CTL_ADD;
    if (events == 0) {
        op = EPOLL_CTL_DEL;
    } else if (already_watched) {
        op = EPOLL_CTL_MOD;
    }
    if (epoll_ctl(epoll_fd_, op, fd, &event) != 0) {
        throw std::system_error(errno, std::generic_category(), "epoll_ctl");
    }
}

int Poller::wait(std::span<epoll_event> ready, int timeout_ms) {
    for (;;) {
        const int n =
            epoll_wait(epoll_fd_, ready.data(), static_cast<int>(ready.size()), timeout_ms);
        if (n >= 0) {
            return n;
        }
        if (errno != EINTR) {
            throw std::system_error(errno, std::generic_category(), "epoll_wait");
        }
    }
}

}  // namespace loopscope
