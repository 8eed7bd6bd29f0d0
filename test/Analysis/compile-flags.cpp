// Flags after `--` reach Clang: the macro picks which entity exists, and a
// .cpp input is analyzed like a header.
// RUN: %flowc --emit=ir %s -- -DWITH_EXTRA | FileCheck %s --check-prefix=EXTRA
// RUN: %flowc --emit=ir %s -- | FileCheck %s --check-prefix=PLAIN
#include <flowc/flowc.h>

struct Base {
  FLOWC_ENTITY(Base);
  FLOWC_KEY int id = 0;
};
#ifdef WITH_EXTRA
struct Extra {
  FLOWC_ENTITY(Extra);
  FLOWC_KEY int id = 0;
};
#endif
// EXTRA: name: Base
// EXTRA: name: Extra
// PLAIN: name: Base
// PLAIN-NOT: name: Extra
