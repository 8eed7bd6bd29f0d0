// ErrorsTest.cpp - every runtime exception is a flowc::Error and a std::runtime_error.
#include "flowc/runtime/errors.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <type_traits>

namespace {

template <class E> void expect_flowc_error() {
  static_assert(std::is_base_of_v<flowc::Error, E>);
  static_assert(std::is_base_of_v<std::runtime_error, E>);
  try {
    throw E("message");
  } catch (const flowc::Error &e) {
    EXPECT_STREQ(e.what(), "message");
    EXPECT_NE(dynamic_cast<const E *>(&e), nullptr);
  }
}

TEST(Errors, HierarchyAndMessages) {
  expect_flowc_error<flowc::Error>();
  expect_flowc_error<flowc::RemoteError>();
  expect_flowc_error<flowc::EntityNotFound>();
  expect_flowc_error<flowc::EntityExists>();
  expect_flowc_error<flowc::Deadlock>();
  expect_flowc_error<flowc::DecodeError>();
}

TEST(Errors, RemoteErrorCarriesTheRemoteWhatUnchanged) {
  std::logic_error remote("out of stock");
  flowc::RemoteError error(remote.what());
  EXPECT_STREQ(error.what(), "out of stock");
}

TEST(Errors, KindsAreDistinct) {
  EXPECT_THROW(
      {
        try {
          throw flowc::Deadlock("d");
        } catch (const flowc::EntityNotFound &) {
          FAIL() << "a Deadlock caught as EntityNotFound";
        }
      },
      flowc::Deadlock);
}

} // namespace
