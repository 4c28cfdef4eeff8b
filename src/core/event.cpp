#include "hotline/core/event.h"

namespace hotline {

std::string_view Event::type() const {
    return std::visit([](const auto& b) { return std::decay_t<decltype(b)>::kType; }, body);
}

}  // namespace hotline
