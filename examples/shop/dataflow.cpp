// dataflow.cpp - the shop's scenario (scenario.h) on flowc::LocalRuntime,
// four worker threads in this process. With `--store DIR` the shop is
// durable (docs/durability.md): its entities live in a store in DIR, and a
// second run continues where the first stopped.
#include "scenario.h"

#include <flowc/runtime/local.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace {
// The shop in a store: made on the first run, found (by key) on later ones;
// each run alice buys one book.
int run_durable_shop(flowc::LocalRuntime &rt, const std::string &folder) {
  try {
    auto book = rt.create<shop::Item>("book", 10).get();
    rt.call<&shop::Item::update_stock>(book, 5).get();
    rt.create<shop::User>("alice").get();
    std::printf("a new shop in %s: 5 books, alice has 100\n", folder.c_str());
  } catch (const flowc::EntityExists &) {
    std::printf("the shop in %s from an earlier run: ", folder.c_str());
    std::printf("%d books, alice has %d\n",
                rt.call<&shop::Item::stock>(rt.ref<shop::Item>("book")).get(),
                rt.call<&shop::User::balance>(rt.ref<shop::User>("alice")).get());
  }
  auto book = rt.ref<shop::Item>("book");
  auto alice = rt.ref<shop::User>("alice");
  bool ok = rt.call<&shop::User::buy_item>(alice, 1, book).get();
  std::printf("alice buys a book: %s, balance %d, books left %d\n",
              ok ? "yes" : "no", rt.call<&shop::User::balance>(alice).get(),
              rt.call<&shop::Item::stock>(book).get());
  return 0;
}
} // namespace

int main(int argc, char **argv) {
  if (argc == 3 && std::strcmp(argv[1], "--store") == 0) {
    try {
      flowc::LocalRuntime rt(flowc::LocalOptions{.workers = 4, .store = argv[2]});
      return run_durable_shop(rt, argv[2]);
    } catch (const flowc::Error &e) {
      std::fprintf(stderr, "shop: %s\n", e.what());
      return 1;
    }
  }
  if (argc != 1) {
    std::fprintf(stderr, "usage: shop [--store DIR]\n");
    return 2;
  }
  flowc::LocalRuntime rt(flowc::LocalOptions{.workers = 4});
  return run_shop(rt);
}
