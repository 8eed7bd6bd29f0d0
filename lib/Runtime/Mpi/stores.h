// stores.h - an MpiRuntime's durable store (docs/durability.md, "MPI"):
// every rank's part opened together, before any worker starts.
#pragma once

#include "store.h"

#include "flowc/runtime/mpi.h"

#include <mpi.h>

#include <memory>

namespace flowc::mpi {

// Opens this rank's part, `options.store`/rank-N, and resolves the prepared
// parts a killed job left, with every other rank (a collective call). Throws
// the same StoreError on every rank when any rank's part cannot be opened,
// or when the store was written by another number of ranks (then nothing
// was written).
std::unique_ptr<store::Store> open_stores(MPI_Comm comm, int rank, int ranks,
                                          const MpiOptions &options);

} // namespace flowc::mpi
