# lit configuration for flowc's tool tests.
import os
import lit.formats

config.name = "flowc"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".h", ".hpp", ".cpp", ".test"]
# Http/ holds the gateway tests ctest runs (test/CMakeLists.txt), not lit tests.
config.excludes = ["Inputs", "consumer", "Http", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.flowc_obj_root, "test")

# FileCheck, not and count live beside the LLVM tools, not on PATH.
config.environment["PATH"] = os.pathsep.join(
    [config.flowc_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", "")])

include = os.path.join(config.flowc_src_root, "include")
config.substitutions.append(("%flowc_include", include))
config.substitutions.append(("%flowc_obj_root", config.flowc_obj_root))
# The IR's JSON Schema, as the build generates and installs it.
config.substitutions.append(("%flowc_ir_schema", os.path.join(
    config.flowc_obj_root, "share", "flowc", "flowc-ir.schema.json")))
config.substitutions.append(("%gxx", config.gxx))
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%flowc", os.path.join(config.flowc_tools_dir, "flowc")))
# Warning-free C++20 in both compilers, the way users build their entities.
strict = "-std=c++20 -Wall -Wextra -Wshadow -Werror -I" + include
config.substitutions.append(("%strict", strict))
# The runtime libraries, to link after the sources: `%gxx %strict a.cpp
# %runtime_local`. With MPI (feature `mpi`): %runtime_mpi, and `%mpirun N prog`
# (as root, oversubscribed).
config.substitutions.append(("%runtime_local", config.runtime_local))
if config.mpi:
    config.available_features.add("mpi")
    config.substitutions.append(("%runtime_mpi", config.runtime_mpi))
    config.substitutions.append(("%mpirun", config.mpirun))
