// registry.h - how MpiRuntime names entity classes and constructors in every
// rank: by name, registered before main.
//
// A pointer to an EntityType or a function means nothing in another process,
// so messages carry numbers instead. Each `create<E>(args...)` the program
// instantiates registers E and a constructor for its argument types while the
// program starts (a static member's initializer), in every rank alike: every
// rank runs the same program, so every rank knows every class an entity can
// have, even ranks that never run the client's code. A class no create<E>
// names can have no entities, so a call to it fails with EntityNotFound.
#pragma once

#include "flowc/runtime/codec.h"
#include "flowc/runtime/entity.h"
#include "flowc/runtime/machine.h"

#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <utility>

namespace flowc::detail {

// Builds an entity from its encoded constructor arguments (DecodeError when
// they are malformed; whatever the constructor throws).
using MpiConstruct = void *(*)(std::string_view args);

// Registers `type` and, under `name`, a way to construct it. Returns true.
bool mpi_register(const EntityType &type, const char *name,
                  MpiConstruct construct);

// Runs `hook` in every rank as the runtime starts, before the registry is
// numbered: there it may register more (the HTTP gateway registers every
// generated entity's constructors so). Called before main; returns true.
bool mpi_before_start(void (*hook)());

// A create<E> argument as it travels: string literals and views become
// std::string, everything else its decayed type (which needs a codec, as a
// method's parameters do).
template <class A>
using mpi_arg_t = std::conditional_t<
    std::is_convertible_v<A, std::string_view> &&
        !std::is_same_v<std::remove_cvref_t<A>, std::string>,
    std::string, std::remove_cvref_t<A>>;

template <class T>
concept mpi_encodable = requires(Writer &w, const T &value) {
  Codec<T>::write(w, value);
};

// E constructed from arguments of types D...: registered once per program
// for each create<E> that names these argument types.
template <class E, class... D> struct MpiConstructor {
  static void *construct(std::string_view bytes) {
    std::tuple<D...> args;
    read_args(bytes, args);
    return std::apply(
        [](D &...values) -> void * { return new E(std::move(values)...); },
        args);
  }
  static const char *name() { return typeid(MpiConstructor).name(); }
  static inline const bool registered =
      mpi_register(EntityTraits<E>::type(), name(), &construct);
};

} // namespace flowc::detail
