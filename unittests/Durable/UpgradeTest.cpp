// UpgradeTest.cpp - one store read by four versions of a program whose
// Counter (entities/counter_v*.h) gained, lost and changed members.
#include "process.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace {

durable_test::Result run(const std::string &version, const std::string &folder,
                         const char *what) {
  return durable_test::run({UPGRADE_PROGRAM + version, folder, what});
}

TEST(Upgrade, AddedRemovedAndChangedMembers) {
  const std::string folder = ::testing::TempDir() + "flowc-upgrade";
  std::filesystem::remove_all(folder);
  ASSERT_EQ(run("v1", folder, "make").status, 0);

  // A member added: its default member initializer, or value-initialized
  // (plain_ is 0 although the constructor would make it 99).
  durable_test::Result v2 = run("v2", folder, "show");
  ASSERT_EQ(v2.status, 0) << v2.err;
  EXPECT_EQ(v2.out, "a count=4 note=v1+ dropped=5 bonus=7 plain=0 tags=0\n"
                    "b count=10 note=v1 dropped=5 bonus=7 plain=0 tags=0\n");

  // A type changed: refused at start, naming the type and the member, and
  // nothing written: the v2 program still reads what it wrote.
  durable_test::Result v4 = run("v4", folder, "show");
  EXPECT_EQ(v4.status, 1);
  EXPECT_NE(v4.err.find("upgrade::Counter"), std::string::npos) << v4.err;
  EXPECT_NE(v4.err.find("count_"), std::string::npos) << v4.err;
  EXPECT_NE(v4.err.find(folder), std::string::npos) << v4.err;
  EXPECT_EQ(v4.out, "");

  v2 = run("v2", folder, "show");
  ASSERT_EQ(v2.status, 0) << v2.err;
  EXPECT_EQ(v2.out, "a count=5 note=v1++ dropped=5 bonus=7 plain=0 tags=1\n"
                    "b count=11 note=v1+ dropped=5 bonus=7 plain=0 tags=1\n");

  // Members removed: dropped, the others read as they were.
  durable_test::Result v3 = run("v3", folder, "show");
  ASSERT_EQ(v3.status, 0) << v3.err;
  EXPECT_EQ(v3.out, "a count=6 bonus=7 plain=0 tags=2\n"
                    "b count=12 bonus=7 plain=0 tags=2\n");
  // The oldest program reads states written by the newest (their members
  // it does not know are dropped, its own missing ones initialized).
  durable_test::Result v1 = run("v1", folder, "show");
  ASSERT_EQ(v1.status, 0) << v1.err;
  EXPECT_EQ(v1.out, "a count=7 note=v1 dropped=5\n"
                    "b count=13 note=v1 dropped=5\n");
}

} // namespace
