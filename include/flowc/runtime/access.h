// access.h - flowc::Access, the one class every entity befriends (FLOWC_ENTITY).
//
// Generated code never names an entity's private members directly: it goes
// through Access. Two doors:
//  - Access::Of<E>, a member class template that generated code explicitly
//    specializes per entity. Members of a nested class of a friend have the
//    friend's access, so the specialization may read and write E's private
//    state, e.g.
//        template <> struct flowc::Access::Of<shop::Item> {
//          static int &stock(shop::Item &e) { return e.stock_; }
//        };
//  - static helpers for flowc::Ref, whose pointer and key are private so that
//    user code in direct mode only sees `->` and comparisons.
#pragma once

#include "flowc/flowc.h"

#include <string>
#include <utility>

namespace flowc {

struct Access {
  // Specialized by generated code, one per entity; never defined here.
  template <class E> struct Of;

  // The object a direct-mode Ref points at (null for a Ref that names a key).
  template <class E> static E *object(const Ref<E> &ref) { return ref.object_; }

  // The encoded key of a runtime Ref (empty for a direct-mode Ref).
  template <class E> static const std::string &key(const Ref<E> &ref) {
    return ref.key_;
  }

  // A Ref naming the entity whose encoded key is `key`, with no object.
  template <class E> static Ref<E> make_ref(std::string key) {
    Ref<E> ref;
    ref.key_ = std::move(key);
    return ref;
  }

  // Runs a split method's state machine (FLOWC_ENTITY declares it private).
  template <class E, class M> static void run(E &entity, M &machine) {
    entity.flowc_run_(machine);
  }

  template <class E> static void set_key(Ref<E> &ref, std::string key) {
    ref.key_ = std::move(key);
  }
};

} // namespace flowc
