// WireTest.cpp - the runtime's messages as bytes between ranks (lib/Runtime/
// Mpi/wire.h), without MPI: what goes in comes out, and a malformed record
// is reported and fails the chain it belongs to (the frame waiting on it,
// or the client) instead of being dropped or crashing the rank.
#include "txn.flowc.h"
#include "wire.h"

#include <flowc/runtime/mpi/registry.h>

#include <gtest/gtest.h>

namespace {

using flowc::dataflow::Held;
using flowc::dataflow::Message;
using flowc::detail::Failure;
using flowc::mpi::Decoded;
using flowc::mpi::Registry;

constexpr unsigned kWorkers = 8;

// Registered as create<txn::Cell>("...", long) would in a program.
using CellConstructor = flowc::detail::MpiConstructor<txn::Cell, std::string, long>;
const bool cell_registered = CellConstructor::registered;

const Registry &registry() {
  Registry::get().freeze();
  return Registry::get();
}

// A call from the frame in slot 7 of worker 3, holding two locks.
Message call_from_entity() {
  Message m;
  m.kind = Message::Kind::call;
  m.chain = 12345;
  m.depth = 2;
  m.type = &flowc::EntityTraits<txn::Cell>::type();
  m.method = flowc::MethodTraits<&txn::Cell::add>::id;
  m.key = flowc::encode(std::string("c1"));
  m.bytes = flowc::encode_all(5L, std::string());
  m.to.worker = 3;
  m.to.slot = 7;
  m.txn.age = 99;
  m.txn.waits = 2;
  m.txn.writer = true;
  m.last = true;
  m.txn.locks = {Held{3, 0}, Held{5, 11}};
  return m;
}

Decoded decode_all(const std::string &bytes) {
  Decoded out;
  flowc::mpi::decode(bytes, 1, registry(), kWorkers, out);
  return out;
}

TEST(MpiWire, MessagesRoundTrip) {
  ASSERT_TRUE(cell_registered);
  std::string bytes;
  Message sent = call_from_entity();
  flowc::mpi::encode(bytes, 6, sent, registry());
  Message commit;
  commit.kind = Message::Kind::commit;
  commit.chain = 4;
  commit.gate = 17;
  flowc::mpi::encode(bytes, 2, commit, registry());
  Decoded out = decode_all(bytes);
  ASSERT_TRUE(out.errors.empty()) << out.errors.front();
  ASSERT_EQ(out.messages.size(), 2u);
  EXPECT_EQ(out.messages[0].worker, 6u);
  const Message &got = out.messages[0].message;
  EXPECT_EQ(got.kind, Message::Kind::call);
  EXPECT_EQ(got.chain, sent.chain);
  EXPECT_EQ(got.type, sent.type);
  EXPECT_EQ(got.method, sent.method);
  EXPECT_EQ(got.key, sent.key);
  EXPECT_EQ(got.bytes, sent.bytes);
  EXPECT_EQ(got.to.worker, 3u);
  EXPECT_EQ(got.to.slot, 7u);
  EXPECT_EQ(got.txn.age, 99u);
  EXPECT_EQ(got.txn.waits, 2u);
  EXPECT_TRUE(got.txn.writer);
  EXPECT_TRUE(got.last);
  ASSERT_EQ(got.txn.locks.size(), 2u);
  EXPECT_EQ(got.txn.locks[1].worker, 5u);
  EXPECT_EQ(got.txn.locks[1].gate, 11u);
  EXPECT_EQ(out.messages[1].worker, 2u);
  EXPECT_EQ(out.messages[1].message.kind, Message::Kind::commit);
  EXPECT_EQ(out.messages[1].message.gate, 17u);
}

// With a store, a chain's records travel with it (to its root, or as a
// prepared part), each naming its worker, gate and entity class.
TEST(MpiWire, RecordsRoundTrip) {
  Message prepare;
  prepare.kind = Message::Kind::prepare;
  prepare.chain = 77;
  prepare.key = std::string("\0\0\0\1chain", 9);
  prepare.to.worker = 4;
  const flowc::EntityType *cell = &flowc::EntityTraits<txn::Cell>::type();
  prepare.txn.writes.push_back({5, 11, cell, "k1", std::string("s\0t", 3)});
  prepare.txn.writes.push_back({6, 2, cell, "k2", ""});
  std::string bytes;
  flowc::mpi::encode(bytes, 5, prepare, registry());
  Decoded out = decode_all(bytes);
  ASSERT_TRUE(out.errors.empty()) << out.errors.front();
  ASSERT_EQ(out.messages.size(), 1u);
  const Message &got = out.messages[0].message;
  EXPECT_EQ(got.kind, Message::Kind::prepare);
  EXPECT_EQ(got.key, prepare.key);
  ASSERT_EQ(got.txn.writes.size(), 2u);
  EXPECT_EQ(got.txn.writes[0].worker, 5u);
  EXPECT_EQ(got.txn.writes[0].gate, 11u);
  EXPECT_EQ(got.txn.writes[0].type, cell);
  EXPECT_EQ(got.txn.writes[0].key, "k1");
  EXPECT_EQ(got.txn.writes[0].state, std::string("s\0t", 3));
  EXPECT_EQ(got.txn.writes[1].key, "k2");

  // A record naming a worker that does not exist is malformed.
  prepare.txn.writes[1].worker = kWorkers;
  bytes.clear();
  flowc::mpi::encode(bytes, 5, prepare, registry());
  out = decode_all(bytes);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].find("a record names worker 8"), std::string::npos)
      << out.errors[0];
  EXPECT_TRUE(out.messages.empty());

  // `durable` is a store's word within a process: never from another rank.
  Message durable;
  durable.kind = Message::Kind::durable;
  durable.chain = 77;
  bytes.clear();
  flowc::mpi::encode(bytes, 5, durable, registry());
  out = decode_all(bytes);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].find("no message kind"), std::string::npos) << out.errors[0];
}

// The record's length is intact but its arguments claim more bytes than
// remain: the frame that made the call gets a failed reply carrying the
// chain's locks, so its root rolls them all back.
TEST(MpiWire, AMalformedCallFailsTheCallersFrame) {
  std::string bytes;
  flowc::mpi::encode(bytes, 6, call_from_entity(), registry());
  // The record ends with the arguments, their length (2) then 0x0a 0x00,
  // and the number of records (0).
  ASSERT_EQ(bytes[bytes.size() - 4], '\x02');
  bytes[bytes.size() - 4] = '\x40'; // now longer than what remains
  Decoded out = decode_all(bytes);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].find("malformed message from rank 1"), std::string::npos)
      << out.errors[0];
  ASSERT_EQ(out.messages.size(), 1u);
  const auto &[worker, reply] = out.messages[0];
  EXPECT_EQ(worker, 3u);
  EXPECT_EQ(reply.kind, Message::Kind::reply);
  EXPECT_TRUE(reply.failed);
  EXPECT_EQ(reply.failure, Failure::decode);
  EXPECT_EQ(reply.to.slot, 7u);
  EXPECT_EQ(reply.txn.locks.size(), 2u);
}

TEST(MpiWire, AMalformedClientCallAnswersTheClient) {
  Message call = call_from_entity();
  auto *client = reinterpret_cast<flowc::detail::Completion *>(std::uintptr_t{0x1000});
  call.to = {client, 0, 0};
  call.txn.locks.clear();
  std::string bytes;
  flowc::mpi::encode(bytes, 6, call, registry());
  bytes.resize(bytes.size() - 3); // cut inside the record...
  bytes[0] = static_cast<char>(bytes[0] - 3); // ...whose length says so
  Decoded out = decode_all(bytes);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_TRUE(out.messages.empty());
  ASSERT_EQ(out.answers.size(), 1u);
  EXPECT_EQ(out.answers[0].client, client);
  EXPECT_FALSE(out.answers[0].ok);
  EXPECT_EQ(out.answers[0].kind, Failure::decode);
}

TEST(MpiWire, AWorkerOutOfRangeIsMalformed) {
  std::string bytes;
  Message m = call_from_entity();
  m.txn.locks.push_back(Held{kWorkers + 1, 0});
  flowc::mpi::encode(bytes, 6, m, registry());
  flowc::mpi::encode(bytes, kWorkers, call_from_entity(), registry());
  Decoded out = decode_all(bytes);
  EXPECT_EQ(out.errors.size(), 2u);
  EXPECT_TRUE(out.messages.empty());
}

TEST(MpiWire, ABrokenBatchIsReportedAndTheRestDropped) {
  std::string bytes;
  flowc::mpi::encode(bytes, 6, call_from_entity(), registry());
  std::string broken = "\xff\xff\xff\xff\x0f" + bytes; // a record longer than all
  Decoded out = decode_all(broken);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].find("the rest of it dropped"), std::string::npos);
  EXPECT_TRUE(out.messages.empty());
}

// A class no create<E> registered has no entities: the call fails as a call
// to a missing entity, named as the sender would.
TEST(MpiWire, ACallToAClassNobodyCreatesIsNotFound) {
  Message m = call_from_entity();
  m.type = &flowc::EntityTraits<txn::Auditor>::type(); // never registered here
  m.key = flowc::encode(42);
  std::string bytes;
  flowc::mpi::encode(bytes, 6, m, registry());
  Decoded out = decode_all(bytes);
  EXPECT_TRUE(out.errors.empty());
  ASSERT_EQ(out.messages.size(), 1u);
  const Message &reply = out.messages[0].message;
  EXPECT_EQ(reply.failure, Failure::not_found);
  EXPECT_EQ(reply.bytes, "txn::Auditor 42 does not exist");
}

// A create carries the constructor, its arguments and the client's state;
// the receiving rank builds the entity and loads that state over it.
TEST(MpiWire, ACreateBuildsTheEntityWithTheClientsState) {
  txn::Cell original("c9", 5);
  original.add(10, std::string()); // state the constructor alone would not give
  const flowc::EntityType &type = flowc::EntityTraits<txn::Cell>::type();
  Message create;
  create.kind = Message::Kind::create;
  create.type = &type;
  create.key = flowc::encode(std::string("c9"));
  create.to.client = reinterpret_cast<flowc::detail::Completion *>(std::uintptr_t{0x2000});
  flowc::Writer w(create.bytes);
  w.write(std::string(CellConstructor::name()));
  w.write(flowc::encode_all(std::string("c9"), 5L));
  w.write(type.save_state(&original));
  std::string bytes;
  flowc::mpi::encode(bytes, 1, create, registry());
  Decoded out = decode_all(bytes);
  ASSERT_TRUE(out.errors.empty());
  ASSERT_EQ(out.messages.size(), 1u);
  void *built = out.messages[0].message.object;
  ASSERT_NE(built, nullptr);
  EXPECT_EQ(type.save_state(built), type.save_state(&original));
  type.destroy(built);
}

} // namespace

// txn.h's hook for tests that park a worker; nothing here runs a method.
void txn::hold_point(int) {}
