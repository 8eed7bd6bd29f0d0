// wire.cpp - see wire.h.
#include "wire.h"

#include "flowc/runtime/codec.h"
#include "flowc/runtime/entity_table.h"

#include <stdexcept>

namespace flowc::mpi {

using dataflow::Answer;
using dataflow::Message;
using detail::Failure;

namespace {

enum TypeTag : std::uint8_t { kNoType = 0, kUnregistered = 1, kFirstId = 2 };
// The flags byte: Txn::writer, Message::last.
enum Flags : std::uint8_t { kWriter = 1, kLast = 2 };

std::uint64_t client_bits(const detail::Completion *client) {
  return reinterpret_cast<std::uintptr_t>(client);
}

void write_string(Writer &w, std::string_view s) {
  w.varint(static_cast<std::uint64_t>(s.size()));
  w.bytes(s);
}

void write_body(Writer &w, const Message &m, const Registry &registry) {
  w.byte(static_cast<std::uint8_t>(m.kind));
  w.varint(m.chain);
  w.varint(client_bits(m.to.client));
  w.varint(m.to.worker);
  w.varint(m.to.slot);
  w.varint(m.txn.age);
  w.varint(m.txn.waits);
  w.byte((m.txn.writer ? kWriter : 0) | (m.last ? kLast : 0));
  w.varint(static_cast<std::uint64_t>(m.txn.locks.size()));
  for (const dataflow::Held &held : m.txn.locks) {
    w.varint(held.worker);
    w.varint(held.gate);
  }
  w.byte(m.failed ? 1 : 0);
  w.byte(static_cast<std::uint8_t>(m.failure));
  w.byte(static_cast<std::uint8_t>(m.thrown));
  w.varint(m.method);
  w.varint(m.gate);
  w.varint(m.depth);
  if (m.type == nullptr) {
    w.varint(std::uint64_t{kNoType});
  } else if (std::int64_t id = registry.id(m.type); id >= 0) {
    w.varint(static_cast<std::uint64_t>(id) + kFirstId);
  } else { // a class nobody creates: the receiver answers "does not exist"
    w.varint(std::uint64_t{kUnregistered});
    write_string(w, describe_entity(*m.type, m.key));
  }
  write_string(w, m.key);
  write_string(w, m.bytes);
  // With a store: the records of what the chain changed, which travel with
  // it to its root (docs/durability.md), or a prepared part.
  w.varint(static_cast<std::uint64_t>(m.txn.writes.size()));
  for (const dataflow::Record &record : m.txn.writes) {
    w.varint(record.worker);
    w.varint(record.gate);
    std::int64_t id = registry.id(record.type);
    if (id < 0) // an entity exists only of a class some create<E> names
      throw std::logic_error("flowc: a record of an unregistered class");
    w.varint(static_cast<std::uint64_t>(id));
    write_string(w, record.key);
    write_string(w, record.state);
  }
}

// One record's decoding: the header first, so that a failure after it can
// still answer whoever waits for this message.
class RecordReader {
public:
  RecordReader(std::string_view body, const Registry &registry,
               unsigned workers, Decoded &out)
      : r_(body), registry_(registry), workers_(workers), out_(out) {}

  void read();
  // Fails the chain this record was part of, if its header was read.
  void fail(Failure kind, const std::string &why);
  // Answers whoever waits for this call or reply with a failure: the frame
  // (with the chain's locks, for its root to undo) or the client.
  void answer_failure(Failure kind, std::string why);

private:
  unsigned worker_index(const char *what) {
    std::uint32_t w = r_.varint<std::uint32_t>();
    if (w >= workers_)
      r_.fail_at(r_.position(), std::string(what) + " names worker " +
                                    std::to_string(w) + " of " +
                                    std::to_string(workers_));
    return w;
  }
  void read_message(unsigned dest);
  void read_answer();
  void build_entity(Message &m);

  Reader r_;
  const Registry &registry_;
  unsigned workers_;
  Decoded &out_;
  bool header_ = false; // `m_` says whom to answer
  Message m_;
  std::string unregistered_; // a class no rank registered: how to name it
};

void RecordReader::read() {
  std::uint32_t dest = r_.varint<std::uint32_t>();
  if (dest == kToClients)
    return read_answer();
  if (dest >= workers_)
    r_.fail_at(0, "a message for worker " + std::to_string(dest) + " of " +
                      std::to_string(workers_));
  read_message(dest);
}

void RecordReader::read_answer() {
  Answer answer;
  answer.client = reinterpret_cast<detail::Completion *>(
      static_cast<std::uintptr_t>(r_.varint<std::uint64_t>()));
  answer.ok = r_.byte() != 0;
  std::uint8_t kind = r_.byte();
  if (kind > static_cast<std::uint8_t>(Failure::retry))
    r_.fail_at(r_.position() - 1, "no failure kind " + std::to_string(kind));
  answer.kind = static_cast<Failure>(kind);
  answer.bytes = std::string(r_.string());
  r_.expect_end();
  out_.answers.push_back(std::move(answer));
}

void RecordReader::read_message(unsigned dest) {
  std::uint8_t kind = r_.byte();
  // `durable` is the store's word to a worker of its own process: it never
  // travels between ranks.
  if (kind > static_cast<std::uint8_t>(Message::Kind::commit_part) ||
      kind == static_cast<std::uint8_t>(Message::Kind::durable))
    r_.fail_at(r_.position() - 1, "no message kind " + std::to_string(kind));
  m_.kind = static_cast<Message::Kind>(kind);
  m_.chain = r_.varint<std::uint64_t>();
  m_.to.client = reinterpret_cast<detail::Completion *>(
      static_cast<std::uintptr_t>(r_.varint<std::uint64_t>()));
  m_.to.worker = r_.varint<std::uint32_t>();
  m_.to.slot = r_.varint<std::uint32_t>();
  if (m_.to.from_entity() && m_.to.worker >= workers_)
    r_.fail_at(r_.position(), "a reply address names worker " +
                                  std::to_string(m_.to.worker));
  m_.txn.age = r_.varint<std::uint64_t>();
  m_.txn.waits = r_.varint<std::uint32_t>();
  std::uint8_t flags = r_.byte();
  if ((flags & ~(kWriter | kLast)) != 0)
    r_.fail_at(r_.position() - 1, "unknown flags " + std::to_string(flags));
  m_.txn.writer = (flags & kWriter) != 0;
  m_.last = (flags & kLast) != 0;
  std::size_t locks = r_.count(2);
  m_.txn.locks.reserve(locks);
  for (std::size_t i = 0; i < locks; ++i) {
    unsigned worker = worker_index("a lock");
    m_.txn.locks.push_back(dataflow::Held{worker, r_.varint<std::uint32_t>()});
  }
  header_ = true;

  m_.failed = r_.byte() != 0;
  std::uint8_t failure = r_.byte();
  if (failure > static_cast<std::uint8_t>(Failure::retry))
    r_.fail_at(r_.position() - 1, "no failure kind " + std::to_string(failure));
  m_.failure = static_cast<Failure>(failure);
  std::uint8_t thrown = r_.byte();
  if (thrown > detail::last_thrown)
    r_.fail_at(r_.position() - 1, "no exception class " + std::to_string(thrown));
  m_.thrown = static_cast<detail::Thrown>(thrown);
  m_.method = r_.varint<std::uint32_t>();
  m_.gate = r_.varint<std::uint32_t>();
  m_.depth = r_.varint<std::uint32_t>();
  std::uint64_t tag = r_.varint<std::uint64_t>();
  if (tag == kUnregistered) {
    unregistered_ = std::string(r_.string());
  } else if (tag >= kFirstId) {
    m_.type = registry_.type(tag - kFirstId);
    if (m_.type == nullptr)
      r_.fail_at(r_.position(), "no entity class #" + std::to_string(tag - kFirstId));
  }
  m_.key = std::string(r_.string());
  m_.bytes = std::string(r_.string());
  std::size_t records = r_.count(5);
  m_.txn.writes.reserve(records);
  for (std::size_t i = 0; i < records; ++i) {
    dataflow::Record record;
    record.worker = worker_index("a record");
    record.gate = r_.varint<std::uint32_t>();
    std::uint64_t id = r_.varint<std::uint64_t>();
    record.type = registry_.type(id);
    if (record.type == nullptr)
      r_.fail_at(r_.position(), "a record of no entity class #" + std::to_string(id));
    record.key = std::string(r_.string());
    record.state = std::string(r_.string());
    m_.txn.writes.push_back(std::move(record));
  }
  r_.expect_end();

  bool needs_type = m_.kind == Message::Kind::call ||
                    m_.kind == Message::Kind::create ||
                    m_.kind == Message::Kind::state;
  if (needs_type && m_.type == nullptr) {
    if (tag != kUnregistered)
      r_.fail_at(0, "a request names no entity class");
    // No create<E> in the program names the class: no entity of it exists.
    return answer_failure(Failure::not_found, unregistered_ + " does not exist");
  }
  if (m_.kind == Message::Kind::create)
    build_entity(m_);
  out_.messages.push_back({dest, std::move(m_)});
}

// A create carries how to build the entity in this rank: the constructor
// (registered by create<E> in every rank), its arguments, and the state the
// object had where the client built it, which is loaded over the new one.
void RecordReader::build_entity(Message &m) {
  Reader recipe(m.bytes);
  std::string_view name = recipe.string();
  std::string_view args = recipe.string();
  std::string_view state = recipe.string();
  recipe.expect_end();
  detail::MpiConstruct construct = registry_.constructor(name);
  if (construct == nullptr)
    throw DecodeError("flowc: no constructor " + std::string(name) + " of " +
                      std::string(m.type->name) + " in this program");
  void *object = nullptr;
  try {
    object = construct(args);
    m.type->load_state(object, state);
  } catch (...) {
    if (object != nullptr)
      m.type->destroy(object);
    throw;
  }
  m.object = object;
  m.bytes.clear();
}

void RecordReader::fail(Failure kind, const std::string &why) {
  if (!header_)
    return;
  switch (m_.kind) {
  case Message::Kind::call:
  case Message::Kind::create:
  case Message::Kind::state:
  case Message::Kind::reply:
    return answer_failure(kind, why);
  default:
    return; // nobody waits for it
  }
}

void RecordReader::answer_failure(Failure kind, std::string why) {
  if (!m_.to.from_entity())
    return out_.answers.push_back(Answer{m_.to.client, false, kind, std::move(why)});
  Message reply;
  reply.kind = Message::Kind::reply;
  reply.failed = true;
  reply.failure = kind;
  reply.bytes = std::move(why);
  reply.to = m_.to;
  reply.txn = std::move(m_.txn);
  out_.messages.push_back({m_.to.worker, std::move(reply)});
}

} // namespace

void encode(std::string &out, unsigned worker, const Message &message,
            const Registry &registry) {
  if (message.kind == Message::Kind::create && message.object != nullptr)
    throw std::logic_error("flowc: a create with an object cannot leave its rank");
  std::string body;
  Writer w(body);
  w.varint(static_cast<std::uint32_t>(worker));
  write_body(w, message, registry);
  Writer framed(out);
  framed.varint(static_cast<std::uint64_t>(body.size()));
  framed.bytes(body);
}

void encode(std::string &out, const Answer &answer) {
  std::string body;
  Writer w(body);
  w.varint(kToClients);
  w.varint(client_bits(answer.client));
  w.byte(answer.ok ? 1 : 0);
  w.byte(static_cast<std::uint8_t>(answer.kind));
  write_string(w, answer.bytes);
  Writer framed(out);
  framed.varint(static_cast<std::uint64_t>(body.size()));
  framed.bytes(body);
}

void decode(std::string_view bytes, int from, const Registry &registry,
            unsigned workers, Decoded &out) {
  Reader batch(bytes);
  while (!batch.done()) {
    std::string_view body;
    try {
      body = batch.string();
    } catch (const DecodeError &e) {
      out.errors.push_back("malformed batch from rank " + std::to_string(from) +
                           ", the rest of it dropped: " + e.what());
      return;
    }
    RecordReader record(body, registry, workers, out);
    try {
      record.read();
    } catch (const DecodeError &e) {
      out.errors.push_back("malformed message from rank " + std::to_string(from) +
                           ": " + e.what());
      record.fail(Failure::decode, e.what());
    } catch (const std::exception &e) { // a create's constructor threw
      record.fail(Failure::remote, e.what());
    }
  }
}

} // namespace flowc::mpi
