// whitespace.h - the tokenization both word counts share: ASCII whitespace.
#pragma once

inline bool is_ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r'); // space, \t \n \v \f \r
}
