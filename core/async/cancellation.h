#pragma once

#include <exception>

#include "errors.h"

namespace loopscope {

// Whether `error` is a CancelledError: the `exc_type is CancelledError` of __aexit__ methods.
inline bool is_cancellation(const std::exception_ptr& error) {
    if (!error) {
        return false;
    }
    try {
        std::rethrow_exception(error);
    } catch (const CancelledError&) {
        return true;
    } catch (...) {
        return false;
    }
}

}  // namespace loopscope
