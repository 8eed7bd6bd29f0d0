// wordcount_main.cpp - the program's main(), as flowc generates it for wordcount.h.
#include <flowc/mapreduce/main.h>

#include "wordcount.h"

int main(int argc, char **argv) {
  return flowc::mapreduce::main(argc, argv, {
      flowc::mapreduce::make_job<std::string, std::int64_t, std::int64_t>(
          "wordcount", &split_words, &sum_counts, &sum_counts),
  });
}
