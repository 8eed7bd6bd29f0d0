// HeaderExtensionsTest.cpp - flowc and its CMake package agree on which inputs
// are headers: the generated header includes a header input, the generated
// source any other, and the CMake functions compile the input accordingly.
#include "Emit/FileContext.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace flowc::emit;

namespace {

TEST(HeaderExtensions, SameAsTheCMakePackage) {
  // _flowc_header_extensions in cmake/flowcCommon.cmake, joined with commas.
  std::vector<std::string> cmake;
  std::istringstream in(FLOWC_CMAKE_HEADER_EXTENSIONS);
  for (std::string extension; std::getline(in, extension, ',');)
    cmake.push_back("." + extension);
  EXPECT_EQ(headerExtensions(), cmake);
}

TEST(HeaderExtensions, IsHeader) {
  for (const std::string &extension : headerExtensions()) {
    EXPECT_TRUE(isHeader("dir/x" + extension)) << extension;
    EXPECT_FALSE(isHeader("dir/x" + extension + ".in")) << extension;
  }
  EXPECT_TRUE(isHeader("X.HPP")); // flowc ignores the case
  for (const char *source : {"x.cpp", "x.cc", "x.cxx", "x.inl", "x", "h"})
    EXPECT_FALSE(isHeader(source)) << source;
}

} // namespace
