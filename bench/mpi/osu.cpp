// osu.cpp - raw MPI between ranks 0 and 1, in the style of the OSU
// micro-benchmarks (osu_latency, osu_mbw_mr): what the MPI library and the
// machine give before flowc adds anything, for bench/mpi/run.sh to compare
// mpi_chains against.
//
//   mpirun -np 2 osu [--size BYTES] [--iterations N] [--window W]
//
// latency: ping-pong of one message of --size bytes; half the round trip.
// message rate: rank 0 posts --window MPI_Isend of --size bytes, rank 1 the
// matching MPI_Irecv, both wait, rank 1 acknowledges the window with one
// byte; messages per second over all windows (osu_mbw_mr with one pair).
// Prints: osu size=B latency_us=L messages_per_s=M
#include <mpi.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank = 0, ranks = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  int size = 64, iterations = 20000, window = 64;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    int value = std::atoi(argv[i + 1]);
    if (flag == "--size")
      size = value;
    else if (flag == "--iterations")
      iterations = value;
    else if (flag == "--window")
      window = value;
  }
  if (ranks != 2) {
    if (rank == 0)
      std::fprintf(stderr, "osu: run it on exactly 2 ranks (mpirun -np 2)\n");
    MPI_Finalize();
    return 2;
  }
  std::vector<char> buffer(static_cast<std::size_t>(size) * window, 'x');
  char ack = 0;
  using Clock = std::chrono::steady_clock;

  MPI_Barrier(MPI_COMM_WORLD);
  auto start = Clock::now();
  for (int i = 0; i < iterations; ++i) {
    if (rank == 0) {
      MPI_Send(buffer.data(), size, MPI_BYTE, 1, 1, MPI_COMM_WORLD);
      MPI_Recv(buffer.data(), size, MPI_BYTE, 1, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    } else {
      MPI_Recv(buffer.data(), size, MPI_BYTE, 0, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      MPI_Send(buffer.data(), size, MPI_BYTE, 0, 1, MPI_COMM_WORLD);
    }
  }
  double latency =
      std::chrono::duration<double, std::micro>(Clock::now() - start).count() / iterations / 2;

  int windows = std::max(1, iterations / window);
  std::vector<MPI_Request> requests(static_cast<std::size_t>(window));
  MPI_Barrier(MPI_COMM_WORLD);
  start = Clock::now();
  for (int n = 0; n < windows; ++n) {
    for (int k = 0; k < window; ++k) {
      char *at = buffer.data() + static_cast<std::size_t>(k) * size;
      if (rank == 0)
        MPI_Isend(at, size, MPI_BYTE, 1, 2, MPI_COMM_WORLD, &requests[k]);
      else
        MPI_Irecv(at, size, MPI_BYTE, 0, 2, MPI_COMM_WORLD, &requests[k]);
    }
    MPI_Waitall(window, requests.data(), MPI_STATUSES_IGNORE);
    if (rank == 0)
      MPI_Recv(&ack, 1, MPI_BYTE, 1, 3, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    else
      MPI_Send(&ack, 1, MPI_BYTE, 0, 3, MPI_COMM_WORLD);
  }
  double rate = static_cast<double>(windows) * window /
                std::chrono::duration<double>(Clock::now() - start).count();
  if (rank == 0)
    std::printf("osu size=%d latency_us=%.2f messages_per_s=%.0f\n", size, latency, rate);
  MPI_Finalize();
  return 0;
}
