// dep_state.h - included by dep_entity.h.
#pragma once
struct State {
  int value = 0;
};
