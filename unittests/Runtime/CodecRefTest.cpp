// CodecRefTest.cpp - flowc::Ref travels as its entity's key; Access reaches Ref and entity internals.
#include "CodecTestUtil.h"

#include "flowc/flowc.h"
#include "flowc/runtime/access.h"

#include <map>
#include <string>
#include <vector>

using flowc::Access;
using flowc::decode;
using flowc::encode;
using flowc::Ref;
using flowc_test::hex;

namespace test_shop {

class Item {
  FLOWC_ENTITY(Item);

public:
  Item(std::string id, int price) : id_(std::move(id)), price_(price) {}
  int price() const { return price_; }

private:
  FLOWC_KEY std::string id_;
  int price_;
};

// An entity with no EntityTraits: decoding Refs to it must not need the trait.
class Untraited {
  FLOWC_ENTITY(Untraited);

public:
  int id() const { return id_; }

private:
  FLOWC_KEY int id_ = 0;
};

} // namespace test_shop

// What generated code provides: the key's encoding, and private state via Access::Of.
template <> struct flowc::Access::Of<test_shop::Item> {
  static const std::string &id(const test_shop::Item &e) { return e.id_; }
  static int &price(test_shop::Item &e) { return e.price_; }
};
template <> struct flowc::EntityTraits<test_shop::Item> {
  static std::string encode_key(const test_shop::Item &e) {
    return flowc::encode(flowc::Access::Of<test_shop::Item>::id(e));
  }
};

namespace {

using test_shop::Item;

TEST(CodecRef, KeyRefEncodesItsKeyBytes) {
  Ref<Item> ref = Access::make_ref<Item>(encode(std::string("book")));
  EXPECT_EQ(hex(encode(ref)), "05 04 62 6f 6f 6b");
  Ref<Item> back = decode<Ref<Item>>(encode(ref));
  EXPECT_EQ(back, ref);
  EXPECT_EQ(Access::object(back), nullptr);
  EXPECT_EQ(Access::key(back), encode(std::string("book")));
}

TEST(CodecRef, ObjectRefEncodesTheTraitsKey) {
  Item book("book", 10);
  Ref<Item> direct(&book);
  ASSERT_TRUE(Access::key(direct).empty());
  // Same bytes as the runtime's Ref to the same key; decoding names it by key.
  EXPECT_EQ(encode(direct), encode(Access::make_ref<Item>(encode(std::string("book")))));
  Ref<Item> back = decode<Ref<Item>>(encode(direct));
  EXPECT_EQ(Access::object(back), nullptr);
  EXPECT_EQ(Access::key(back), encode(std::string("book")));
  EXPECT_TRUE(static_cast<bool>(back));
}

TEST(CodecRef, NullRefIsTheEmptyKey) {
  EXPECT_EQ(hex(encode(Ref<Item>())), "00");
  Ref<Item> back = decode<Ref<Item>>(encode(Ref<Item>()));
  EXPECT_FALSE(static_cast<bool>(back));
  EXPECT_EQ(back, Ref<Item>());
}

TEST(CodecRef, InContainersAndWithoutTraits) {
  std::map<std::string, std::vector<Ref<Item>>> m{
      {"cart", {Access::make_ref<Item>("a"), Access::make_ref<Item>("b")}}};
  EXPECT_EQ(flowc_test::round_trip(m), m);
  // Only decoding: EntityTraits<Untraited> is never instantiated.
  Ref<test_shop::Untraited> u = decode<Ref<test_shop::Untraited>>(std::string("\x01\x02", 2));
  EXPECT_EQ(Access::key(u), "\x02");
}

TEST(Access, SetKeyAndReachPrivateState) {
  Ref<Item> ref;
  Access::set_key(ref, "k");
  EXPECT_EQ(Access::key(ref), "k");
  Item book("book", 10);
  flowc::Access::Of<Item>::price(book) = 12;
  EXPECT_EQ(book.price(), 12);
}

} // namespace
