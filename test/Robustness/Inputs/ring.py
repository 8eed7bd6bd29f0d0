# Writes a header with N entities in a ring, each calling the next twice.
import sys

n = int(sys.argv[1])
print("#include <flowc/flowc.h>\n#include <string>\n#include <vector>\nnamespace ring {")
for i in range(n):
    print(f"class E{(i + 1) % n};")
    print(f"class E{i} {{\n  FLOWC_ENTITY(E{i});\npublic:\n"
          f"  int get() const {{ return v_; }}\n"
          f"  int hop(int n, flowc::Ref<E{(i + 1) % n}> r);\nprivate:\n"
          f"  FLOWC_KEY std::string id_;\n  int v_ = {i};\n"
          f"  std::vector<flowc::Ref<E{(i + 1) % n}>> peers_;\n}};")
for i in range(n):
    print(f"inline int E{i}::hop(int n, flowc::Ref<E{(i + 1) % n}> r) {{\n"
          f"  int a = r->get();\n  int b = r->get();\n  return a + b + n;\n}}")
print("}  // namespace ring")
