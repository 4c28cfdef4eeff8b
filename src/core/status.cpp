#include "hotline/core/status.h"

namespace hotline {

const char* ErrorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::kOk:
            return "ok";
        case ErrorCode::kInvalidArgument:
            return "invalid_argument";
        case ErrorCode::kNotFound:
            return "not_found";
        case ErrorCode::kConflict:
            return "conflict";
        case ErrorCode::kFailedPrecondition:
            return "failed_precondition";
        case ErrorCode::kUnavailable:
            return "unavailable";
        case ErrorCode::kInternal:
            return "internal";
        case ErrorCode::kPermissionDenied:
            return "forbidden";
    }
    return "unknown";
}

std::string Status::ToString() const {
    if (ok()) {
        return "ok";
    }
    return std::string(ErrorCodeName(code_)) + ": " + message_;
}

}  // namespace hotline
