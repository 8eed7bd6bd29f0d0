// state.h - included by counter.h: changing it must rerun flowc.
#pragma once
struct State {
  int value = 0;
};
