// client.h - the client API every dataflow runtime shares (LocalRuntime,
// MpiRuntime): naming entities, calling methods, reading state.
//
// A runtime derives from ClientApi<Runtime> and says how a request reaches
// its core; the typed side (encoding the arguments, decoding the result into
// the future) is built here, in the client's template call, so the runtime
// libraries never name a user's types. The runtime provides
//   void post_call(Outgoing &&call, std::unique_ptr<detail::Completion> done);
//   void post_state(const EntityType &type, std::string key,
//                   std::unique_ptr<detail::Completion> done);
//   unsigned worker_of(std::string_view encoded_key) const;
// and its own create<E> over create_with, which differs in what travels:
// LocalRuntime hands the object to its worker, MpiRuntime may rebuild it in
// another rank.
#pragma once

#include "flowc/runtime/access.h"
#include "flowc/runtime/codec.h"
#include "flowc/runtime/completion.h"
#include "flowc/runtime/entity.h"

#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace flowc::detail {

template <class E>
concept generated_entity = requires { EntityTraits<E>::type(); };

template <class Runtime> class ClientApi {
public:
  // Names an existing entity by key, without a message.
  template <class E>
  Ref<E> ref(const typename EntityTraits<E>::key_type &key) const {
    return Access::make_ref<E>(encode(key));
  }

  // Runs `ref->Method(args...)` as a new call chain. The future throws
  // EntityNotFound when the chain calls a key nobody created, RemoteError
  // when a method in it throws, and (Isolation::chain only) Deadlock when it
  // waited on a chain that waited on it.
  template <auto Method, class E, class... A>
  std::future<value_result_of<Method>> call(const Ref<E> &ref, A &&...args) {
    Outgoing out = make_call<Method>(ref, std::forward<A>(args)...);
    auto done = make_deliver<value_result_of<Method>>(
        [](std::string_view bytes) { return decode_result<Method>(bytes); });
    auto future = done->future();
    self().post_call(std::move(out), std::move(done));
    return future;
  }

  // The entity's whole committed state (EntityType::save_state): read when
  // no chain holds the entity to change it.
  template <class E> std::future<std::string> state(const Ref<E> &ref) {
    return state(EntityTraits<E>::type(), key_of(ref));
  }

  // The type-erased forms: a call from its parts (the encoded result comes
  // back; malformed arguments fail with DecodeError, an unknown method id
  // with Error), and the state of the entity of `type` with encoded `key`.
  std::future<std::string> run(Outgoing call) {
    auto done = make_deliver<std::string>(
        [](std::string_view bytes) { return std::string(bytes); });
    auto future = done->future();
    self().post_call(std::move(call), std::move(done));
    return future;
  }
  std::future<std::string> state(const EntityType &type, std::string key) {
    auto done = make_deliver<std::string>(
        [](std::string_view bytes) { return std::string(bytes); });
    auto future = done->future();
    self().post_state(type, std::move(key), std::move(done));
    return future;
  }

  // The worker that owns an entity.
  template <class E> unsigned worker_of(const Ref<E> &ref) const {
    return static_cast<const Runtime &>(*this).worker_of(
        std::string_view(key_of(ref)));
  }

protected:
  // What every create<E> shares: `build()` makes the object (a
  // std::unique_ptr<E>); a throw from it, or from encoding the key, fails the
  // future; otherwise `post(type, key, object, done)` sends the request.
  template <class E, class Build, class Post>
  static std::future<Ref<E>> create_with(Build &&build, Post &&post) {
    static_assert(generated_entity<E>,
                  "flowc: create<E>: no generated code for E: is it a "
                  "FLOWC_ENTITY and its X.flowc.h included?");
    std::unique_ptr<E> object;
    std::string key;
    try {
      object = build();
      key = EntityTraits<E>::encode_key(*object);
    } catch (...) {
      std::promise<Ref<E>> failed;
      failed.set_exception(std::current_exception());
      return failed.get_future();
    }
    auto done = make_deliver<Ref<E>>(
        [key](std::string_view) { return Access::make_ref<E>(key); });
    std::future<Ref<E>> future = done->future();
    post(EntityTraits<E>::type(), std::move(key), object.release(), std::move(done));
    return future;
  }

private:
  Runtime &self() { return static_cast<Runtime &>(*this); }
};

} // namespace flowc::detail
