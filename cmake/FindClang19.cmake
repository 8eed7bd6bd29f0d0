# Finds LLVM/Clang 19 (Debian's /usr/lib/llvm-19) and the Clang resource dir.
#
# find_package(Clang 19 CONFIG) rejects 19 because Clang's version file accepts
# only an exact major.minor, so ask for no version and check LLVM's major here.
set(FLOWC_LLVM_ROOT "/usr/lib/llvm-19" CACHE PATH "Prefix of LLVM/Clang 19")
find_package(LLVM CONFIG REQUIRED HINTS "${FLOWC_LLVM_ROOT}/lib/cmake/llvm")
find_package(Clang CONFIG REQUIRED HINTS "${FLOWC_LLVM_ROOT}/lib/cmake/clang")
if(NOT LLVM_VERSION_MAJOR EQUAL 19)
  message(FATAL_ERROR "flowc needs LLVM/Clang 19, found ${LLVM_PACKAGE_VERSION}")
endif()
message(STATUS "flowc: LLVM ${LLVM_PACKAGE_VERSION} in ${LLVM_INSTALL_PREFIX}")

# A standalone tool guesses its resource dir from its own path; bake in the real
# one so the built and the installed flowc both find Clang's builtin headers.
find_program(FLOWC_CLANG_EXECUTABLE NAMES clang-19 clang
  HINTS "${LLVM_TOOLS_BINARY_DIR}" NO_DEFAULT_PATH)
execute_process(COMMAND "${FLOWC_CLANG_EXECUTABLE}" -print-resource-dir
  OUTPUT_VARIABLE FLOWC_CLANG_RESOURCE_DIR OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT EXISTS "${FLOWC_CLANG_RESOURCE_DIR}/include/stddef.h")
  message(FATAL_ERROR "flowc: no Clang resource dir at '${FLOWC_CLANG_RESOURCE_DIR}'")
endif()

# Tools used by the lit tests.
set(FLOWC_LIT "${LLVM_BUILD_MAIN_SRC_DIR}/utils/lit/lit.py")
if(NOT EXISTS "${FLOWC_LIT}")
  set(FLOWC_LIT "${FLOWC_LLVM_ROOT}/build/utils/lit/lit.py")
endif()

# The libraries flowc links: the shared clang-cpp and LLVM dylibs, with LLVM's
# own flags (Debian builds LLVM with RTTI on and exceptions off).
add_library(flowc_clang INTERFACE)
target_include_directories(flowc_clang SYSTEM INTERFACE
  ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
separate_arguments(_flowc_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_definitions(flowc_clang INTERFACE ${_flowc_llvm_defs})
target_link_directories(flowc_clang INTERFACE ${LLVM_LIBRARY_DIRS})
target_link_libraries(flowc_clang INTERFACE clang-cpp LLVM)
