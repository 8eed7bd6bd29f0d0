// A key must be std::string or integral: not double, not a struct, not an
// enum, not std::wstring.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <string>
struct Pair { int a; int b; };
enum class Color { Red };
class ByDouble { FLOWC_ENTITY(ByDouble); FLOWC_KEY double k_ = 0; };
// CHECK: key-type.h:[[@LINE-1]]:59: error: key 'k_' of entity 'ByDouble' has type 'double'; a key must be std::string or an integral type
class ByPair { FLOWC_ENTITY(ByPair); FLOWC_KEY Pair k_; };
// CHECK: key-type.h:[[@LINE-1]]:53: error: key 'k_' of entity 'ByPair' has type 'Pair'
class ByColor { FLOWC_ENTITY(ByColor); FLOWC_KEY Color k_; };
// CHECK: key-type.h:[[@LINE-1]]:56: error: key 'k_' of entity 'ByColor' has type 'Color'
class ByWideInt { FLOWC_ENTITY(ByWideInt); FLOWC_KEY __int128 k_ = 0; };
// CHECK: key-type.h:[[@LINE-1]]:63: error: key 'k_' of entity 'ByWideInt' has type '__int128'; a key must be std::string or an integral type
class ByWide { FLOWC_ENTITY(ByWide); FLOWC_KEY std::wstring k_; };
// CHECK: key-type.h:[[@LINE-1]]:61: error: key 'k_' of entity 'ByWide' has type 'std::wstring'
