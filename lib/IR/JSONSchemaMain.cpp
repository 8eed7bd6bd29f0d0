// JSONSchemaMain.cpp - prints the IR's JSON Schema (the build installs it).
#include "IR/JSONSchema.h"

#include <iostream>

int main() { std::cout << flowc::ir::irJSONSchema(); }
