// node.cpp - see node.h.
#include "node.h"

#include "registry.h"
#include "stores.h"

#include "flowc/runtime/errors.h"

#include <sched.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace flowc::mpi {

namespace {

void fatal(int rank, const std::string &what) {
  std::fprintf(stderr, "flowc: rank %d: %s\n", rank, what.c_str());
  MPI_Abort(MPI_COMM_WORLD, 1);
  std::exit(1); // MPI_Abort does not return; this is for the compiler
}

void check(int code, const char *call) {
  if (code == MPI_SUCCESS)
    return;
  char text[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(code, text, &length);
  fatal(-1, std::string(call) + " failed: " + std::string(text, length));
}

// Whether this rank's progress thread may poll without sleeping: only when
// the cores this process may run on leave one for it beside the workers
// (and rank 0's client). Ranks bound to cores each see their own; unbound
// ranks on one machine share all of them. On a machine with fewer cores a
// spinning progress thread takes the workers' time: it sleeps instead.
bool progress_may_spin(MPI_Comm comm, int rank, unsigned workers) {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0)
    return false;
  long cores = CPU_COUNT(&set);
  MPI_Comm local;
  check(MPI_Comm_split_type(comm, MPI_COMM_TYPE_SHARED, rank, MPI_INFO_NULL,
                            &local),
        "MPI_Comm_split_type");
  int sharing = 1;
  MPI_Comm_size(local, &sharing);
  MPI_Comm_free(&local);
  long online = sysconf(_SC_NPROCESSORS_ONLN);
  if (cores < online) // bound: these cores are this rank's
    sharing = 1;
  long threads = static_cast<long>(workers) + 1 + (rank == 0 ? 1 : 0);
  return cores >= sharing * threads;
}

} // namespace

Node::Node(int &argc, char **&argv, const MpiOptions &options) {
  int initialized = 0;
  MPI_Initialized(&initialized);
  int provided = 0;
  if (!initialized) {
    if (MPI_Init_thread(&argc, &argv, MPI_THREAD_SERIALIZED, &provided) !=
        MPI_SUCCESS) {
      std::fprintf(stderr, "flowc: MpiRuntime: MPI_Init_thread failed\n");
      std::exit(1);
    }
    initialized_mpi_ = true;
  } else {
    MPI_Query_thread(&provided);
  }
  // Errors come back as codes (and end the job naming the rank, progress.cpp)
  // instead of MPI's default abort without a word from flowc.
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
  check(MPI_Comm_dup(MPI_COMM_WORLD, &comm_), "MPI_Comm_dup");
  MPI_Comm_set_errhandler(comm_, MPI_ERRORS_RETURN);
  MPI_Comm_rank(comm_, &rank_);
  MPI_Comm_size(comm_, &ranks_);
  if (provided < MPI_THREAD_SERIALIZED)
    fatal(rank_, "MpiRuntime needs MPI_THREAD_SERIALIZED (its progress thread "
                 "makes the MPI calls); this MPI provides less");
  if (options.workers == 0)
    fatal(rank_, "MpiOptions::workers must be at least 1");

  // Every rank must number entity classes alike: the same program everywhere.
  Registry &registry = Registry::get();
  registry.freeze();
  unsigned long long mine = registry.fingerprint(), low = 0, high = 0;
  check(MPI_Allreduce(&mine, &low, 1, MPI_UNSIGNED_LONG_LONG, MPI_MIN, comm_),
        "MPI_Allreduce");
  check(MPI_Allreduce(&mine, &high, 1, MPI_UNSIGNED_LONG_LONG, MPI_MAX, comm_),
        "MPI_Allreduce");
  if (low != high)
    fatal(rank_, "the ranks' programs create different entity classes: every "
                 "rank must run the same program");

  // Every rank's part of the store opens (or every rank fails alike)
  // before any worker runs: a StoreError leaves MPI as it found it.
  if (!options.store.empty()) {
    try {
      store_ = open_stores(comm_, rank_, ranks_, options);
    } catch (const StoreError &) {
      MPI_Comm_free(&comm_);
      if (initialized_mpi_)
        MPI_Finalize();
      throw;
    }
  }

  dataflow::Placement placement{static_cast<unsigned>(ranks_),
                                static_cast<unsigned>(rank_), options.workers};
  if (rank_ == 0)
    clients_ = std::make_unique<dataflow::Clients>();
  progress_ = std::make_unique<Progress>(
      comm_, rank_, ranks_, placement, registry,
      progress_may_spin(comm_, rank_, options.workers));
  core_ = std::make_unique<dataflow::Core>(dataflow::Options::of(options), placement,
                                           clients_.get(), progress_.get(),
                                           store_.get());
  progress_->start(core_.get(), clients_.get());
  if (store_)
    store_->start(*core_);
}

void Node::serve() { progress_->wait_for_end(); }

Node::~Node() {
  if (rank_ == 0) {
    clients_->drain();
    progress_->end_job();
  }
  progress_->detach();
  if (store_)
    store_->stop();
  core_.reset();
  store_.reset(); // a clean stop: the log is flushed into the database
  progress_->finish();
  progress_.reset();
  MPI_Comm_free(&comm_);
  if (initialized_mpi_ || rank_ != 0)
    MPI_Finalize();
}

} // namespace flowc::mpi
