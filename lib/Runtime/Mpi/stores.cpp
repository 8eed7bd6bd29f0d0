// stores.cpp - see stores.h.
#include "stores.h"

#include "testing.h"

#include "flowc/runtime/errors.h"

#include <climits>
#include <cstdio>
#include <filesystem>

namespace flowc::mpi {

namespace fs = std::filesystem;

namespace {

void check(int code, const char *call) {
  if (code == MPI_SUCCESS)
    return;
  std::fprintf(stderr, "flowc: %s failed while opening the store\n", call);
  MPI_Abort(MPI_COMM_WORLD, 1);
}

// Every rank learns whether any rank failed: then each throws the first
// failing rank's error, so the job fails alike everywhere.
void agree(MPI_Comm comm, int rank, const std::string &error) {
  int mine = error.empty() ? INT_MAX : rank, first = INT_MAX;
  check(MPI_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, comm), "MPI_Allreduce");
  if (first == INT_MAX)
    return;
  int length = rank == first ? static_cast<int>(error.size()) : 0;
  check(MPI_Bcast(&length, 1, MPI_INT, first, comm), "MPI_Bcast");
  std::string text = rank == first ? error : std::string(length, '\0');
  check(MPI_Bcast(text.data(), length, MPI_CHAR, first, comm), "MPI_Bcast");
  throw StoreError(text);
}

// The same verdict on every rank from every rank's recorded count: a part
// written by another number of ranks, or a rank without its part while
// others have theirs, fails before anything is written.
std::string check_ranks(const std::string &folder, const std::vector<int> &recorded) {
  const int ranks = static_cast<int>(recorded.size());
  for (int r = 0; r < ranks; ++r)
    if (recorded[r] >= 0 && recorded[r] != ranks)
      return "flowc: store '" + folder + "' was written by " +
             std::to_string(recorded[r]) + " ranks (its part rank-" +
             std::to_string(r) + " says so); this job has " +
             std::to_string(ranks) + ": reopen it with " +
             std::to_string(recorded[r]) + " ranks; nothing was written";
  for (int r = 0; r < ranks; ++r)
    for (int other = 0; other < ranks; ++other)
      if (recorded[r] == -1 && recorded[other] == ranks)
        return "flowc: store '" + folder + "' has no part rank-" +
               std::to_string(r) + " while rank-" + std::to_string(other) +
               " holds a part of a store of " + std::to_string(ranks) +
               " ranks; nothing was written";
  return {};
}

// Each prepared part's root rank says whether it logged the decision (none:
// abort); then every part is committed or dropped, and once every rank is
// done, the decisions go too.
void resolve_prepared(MPI_Comm comm, int rank, int ranks, store::Store &store) {
  const std::vector<std::string> mine = store.prepared();
  std::string flat;
  for (const std::string &id : mine)
    flat += id;
  int bytes = static_cast<int>(flat.size());
  std::vector<int> counts(ranks), offsets(ranks);
  check(MPI_Allgather(&bytes, 1, MPI_INT, counts.data(), 1, MPI_INT, comm),
        "MPI_Allgather");
  int total = 0;
  for (int r = 0; r < ranks; ++r) {
    offsets[r] = total;
    total += counts[r];
  }
  if (total > 0) {
    std::string all(total, '\0');
    check(MPI_Allgatherv(flat.data(), bytes, MPI_CHAR, all.data(), counts.data(),
                         offsets.data(), MPI_CHAR, comm),
          "MPI_Allgatherv");
    const std::size_t n = all.size() / store::Store::kTxidBytes;
    std::vector<unsigned char> commit(n, 0);
    std::string error;
    try {
      for (std::size_t i = 0; i < n; ++i) {
        std::string id = all.substr(i * store::Store::kTxidBytes,
                                    store::Store::kTxidBytes);
        if (store::Store::root_of(id) == static_cast<unsigned>(rank))
          commit[i] = store.decided(id) ? 1 : 0;
      }
    } catch (const StoreError &e) {
      error = e.what();
    }
    check(MPI_Allreduce(MPI_IN_PLACE, commit.data(), static_cast<int>(n),
                        MPI_UNSIGNED_CHAR, MPI_MAX, comm),
          "MPI_Allreduce");
    agree(comm, rank, error);
    try {
      std::size_t first = offsets[rank] / store::Store::kTxidBytes;
      for (std::size_t i = 0; i < mine.size(); ++i)
        store.resolve(mine[i], commit[first + i] != 0);
    } catch (const StoreError &e) {
      error = e.what();
    }
    agree(comm, rank, error); // every part resolved everywhere
  }
  store.forget_decisions();
}

} // namespace

std::unique_ptr<store::Store> open_stores(MPI_Comm comm, int rank, int ranks,
                                          const MpiOptions &options) {
  const std::string &folder = options.store;
  std::string error;
  std::error_code ec;
  if (options.isolation != Isolation::serializable)
    error = "flowc: store '" + folder +
            "' needs Isolation::serializable (under Isolation::chain a chain "
            "is not atomic)";
  else if (fs::exists(fs::path(folder) / "CURRENT", ec))
    error = "flowc: store '" + folder +
            "' is a LocalRuntime store; an MpiRuntime's store holds a folder "
            "per rank";
  agree(comm, rank, error);

  const std::string part = folder + "/rank-" + std::to_string(rank);
  int recorded = store::Store::recorded_ranks(part);
  std::vector<int> all(ranks);
  check(MPI_Allgather(&recorded, 1, MPI_INT, all.data(), 1, MPI_INT, comm),
        "MPI_Allgather");
  agree(comm, rank, check_ranks(folder, all));

  std::unique_ptr<store::Store> store;
  try {
    fs::create_directories(folder, ec);
    store = std::make_unique<store::Store>(part, options.durability,
                                           options.cache_bytes,
                                           static_cast<unsigned>(ranks),
                                           static_cast<unsigned>(rank));
  } catch (const StoreError &e) {
    error = e.what();
  }
  agree(comm, rank, error);
  resolve_prepared(comm, rank, ranks, *store);
  return store;
}

} // namespace flowc::mpi

namespace flowc::mpi::testing {

void kill_before_decision() {
  store::Store::kill_before(dataflow::Commit::Phase::decide);
}

void kill_before_part_commit() {
  store::Store::kill_before(dataflow::Commit::Phase::resolve);
}

void fail_next_prepare() {
  store::Store::fail_next(dataflow::Commit::Phase::prepare);
}

void fail_next_decision() {
  store::Store::fail_next(dataflow::Commit::Phase::decide);
}

} // namespace flowc::mpi::testing
