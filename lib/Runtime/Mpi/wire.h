// wire.h - the runtime's messages as bytes between ranks.
//
// A batch for one rank is a sequence of records, each a varint length and a
// body: the worker it is for (or kToClients: a client answer, for rank 0),
// then the message's fields. Everything in a Message is plain data but for
// three pointers: the entity class becomes its registry number, a client's
// Completion travels as an opaque number that only rank 0 interprets (and
// checks against the requests it has outstanding), and a create carries, in
// place of the object, the constructor's name, its encoded arguments and the
// state the object had on rank 0. A gate is already a number (Held::gate).
//
// Decoding never trusts a byte: a record that does not decode is reported
// and, once the header saying whom to answer is read, fails the chain it
// belongs to with DecodeError instead of being dropped.
#pragma once

#include "clients.h"
#include "message.h"
#include "registry.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flowc::mpi {

inline constexpr std::uint32_t kToClients = 0xffffffffu;

// Appends `message`, for global worker `worker`, to `out`.
void encode(std::string &out, unsigned worker, const dataflow::Message &message,
            const Registry &registry);
// Appends a client answer to `out`.
void encode(std::string &out, const dataflow::Answer &answer);

// What a batch from another rank holds, ready to route.
struct Decoded {
  struct Routed {
    unsigned worker;
    dataflow::Message message;
  };
  std::vector<Routed> messages;         // for workers, here or elsewhere
  std::vector<dataflow::Answer> answers; // for clients (unchecked pointers)
  std::vector<std::string> errors;       // malformed records, to report
};

// Decodes `bytes` (a batch from rank `from`) into `out`. `workers` is how
// many workers there are over all ranks.
void decode(std::string_view bytes, int from, const Registry &registry,
            unsigned workers, Decoded &out);

} // namespace flowc::mpi
