// plain.h - neither entities nor jobs.
#pragma once
inline int twice(int x) { return 2 * x; }
