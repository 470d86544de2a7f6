#pragma once

#include "core/Error.h"

#include <tl/expected.hpp>

namespace madoguchi::core {

// Errors are values (architecture.md §2): every call that can fail returns Result<T>.
template <typename T>
using Result = tl::expected<T, Error>;

// `return fail(Errc::NoCard, u"reader %1"_s);`
[[nodiscard]] inline tl::unexpected<Error> fail(Errc code, QString detail = {}, qint64 nativeCode = 0)
{
    return tl::unexpected<Error>(Error{code, std::move(detail), nativeCode});
}

[[nodiscard]] inline tl::unexpected<Error> fail(Error error)
{
    return tl::unexpected<Error>(std::move(error));
}

} // namespace madoguchi::core
