#pragma once
// Expected failures are values (STYLE.md, "Errors"). Only the api module maps codes to HTTP.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace hotline {

enum class ErrorCode {
    kOk,
    kInvalidArgument,
    kNotFound,
    kConflict,
    kFailedPrecondition,
    kUnavailable,
    kInternal,
    kPermissionDenied,  // the caller's role or scope does not allow it
};

const char* ErrorCodeName(ErrorCode code);

class [[nodiscard]] Status {
  public:
    Status() = default;
    Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

    static Status Ok() { return {}; }
    bool ok() const { return code_ == ErrorCode::kOk; }
    ErrorCode code() const { return code_; }
    const std::string& message() const { return message_; }
    std::string ToString() const;

  private:
    ErrorCode code_ = ErrorCode::kOk;
    std::string message_;
};

inline Status InvalidArgument(std::string m) {
    return {ErrorCode::kInvalidArgument, std::move(m)};
}
inline Status NotFound(std::string m) {
    return {ErrorCode::kNotFound, std::move(m)};
}
inline Status Conflict(std::string m) {
    return {ErrorCode::kConflict, std::move(m)};
}
inline Status FailedPrecondition(std::string m) {
    return {ErrorCode::kFailedPrecondition, std::move(m)};
}
inline Status PermissionDenied(std::string m) {
    return {ErrorCode::kPermissionDenied, std::move(m)};
}
inline Status Internal(std::string m) {
    return {ErrorCode::kInternal, std::move(m)};
}

template <class T>
class [[nodiscard]] Result {
  public:
    Result(T value) : data_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
    Result(Status status) : data_(std::move(status)) {  // NOLINT(google-explicit-constructor)
        assert(!std::get<Status>(data_).ok());
    }

    bool ok() const { return std::holds_alternative<T>(data_); }
    const Status& status() const {
        static const Status ok_status;
        return ok() ? ok_status : std::get<Status>(data_);
    }
    T& value() & { return std::get<T>(data_); }
    const T& value() const& { return std::get<T>(data_); }
    T&& value() && { return std::get<T>(std::move(data_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

  private:
    std::variant<T, Status> data_;
};

}  // namespace hotline

#define HOTLINE_CONCAT_INNER(a, b) a##b
#define HOTLINE_CONCAT(a, b) HOTLINE_CONCAT_INNER(a, b)

// `lhs` is a declaration (`auto x`) and `tmp` a name: neither can be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define RETURN_IF_ERROR(expr)               \
    do {                                    \
        ::hotline::Status status_ = (expr); \
        if (!status_.ok())                  \
            return status_;                 \
    } while (0)

#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
    auto tmp = (expr);                        \
    if (!tmp.ok())                            \
        return tmp.status();                  \
    lhs = std::move(tmp).value()

#define ASSIGN_OR_RETURN(lhs, expr) \
    ASSIGN_OR_RETURN_IMPL(HOTLINE_CONCAT(result_, __LINE__), lhs, expr)
// NOLINTEND(bugprone-macro-parentheses)
