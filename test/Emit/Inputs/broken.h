// broken.h - a syntax error.
#pragma once
int missing_semicolon = 1
