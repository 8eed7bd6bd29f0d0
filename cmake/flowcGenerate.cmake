# flowcGenerate.cmake - flowc_generate(): run flowc on a target's entity
# headers at build time and build what it generates into the target.
#
#   flowc_generate(TARGET <target>
#     SOURCES <file>...          the files with FLOWC_ENTITY classes
#     [OUTPUT_DIR <dir>]         default: ${CMAKE_CURRENT_BINARY_DIR}/<target>.flowc
#     [TEMPLATES <dir>]          flowc --templates
#     [EXTRA_ARGS <arg>...]      compiler arguments for flowc's parse (after --)
#     [GENERATED_DIR <dir>])     already generated X.flowc.h/X.flowc.cpp (flowc -o
#                                <dir>), used when there is no flowc to run or
#                                FLOWC_USE_GENERATED is on
#
# For each X.<ext> in SOURCES flowc writes X.flowc.h and X.flowc.cpp into the
# output folder; the target gets X.flowc.cpp as a source and the folder as a
# private include directory, so its code includes "X.flowc.h". A source that
# is not a header is compiled through X.flowc.cpp (which includes it) instead
# of on its own. Link the target with flowc::runtime_local (or another
# runtime) to run the entities. With GENERATED_DIR and no flowc (a runtime-only
# package) nothing runs at build time: the target compiles the files there and
# includes that folder instead (docs/cmake.md, "Without Clang").
include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/flowcCommon.cmake")

function(flowc_generate)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "TARGET;OUTPUT_DIR;TEMPLATES;GENERATED_DIR"
                        "SOURCES;EXTRA_ARGS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "flowc_generate: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_TARGET OR NOT TARGET "${arg_TARGET}")
    message(FATAL_ERROR "flowc_generate: TARGET must name an existing target (got '${arg_TARGET}')")
  endif()
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "flowc_generate(TARGET ${arg_TARGET}): SOURCES is required")
  endif()
  set(out "${arg_OUTPUT_DIR}")
  if(NOT out)
    set(out "${CMAKE_CURRENT_BINARY_DIR}/${arg_TARGET}.flowc")
  endif()
  get_filename_component(out "${out}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  _flowc_generated_dir("flowc_generate(TARGET ${arg_TARGET})" "${arg_GENERATED_DIR}"
                       "${arg_SOURCES}" generated)
  if(generated)
    set(out "${generated}")
  endif()

  get_target_property(target_sources "${arg_TARGET}" SOURCES)
  foreach(input IN LISTS arg_SOURCES)
    _flowc_add_command(flowc_generate "${arg_TARGET}" "${input}" "${out}"
                       "${arg_TEMPLATES}" "${arg_EXTRA_ARGS}" "${generated}" header source)
    target_sources("${arg_TARGET}" PRIVATE "${source}" "${header}")
    _flowc_is_header("${input}" is_header)
    if(NOT is_header AND target_sources)
      get_filename_component(input_abs "${input}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
      foreach(listed IN LISTS target_sources)
        get_filename_component(listed_abs "${listed}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
        if(listed_abs STREQUAL input_abs)
          set_source_files_properties("${listed}" TARGET_DIRECTORY "${arg_TARGET}"
                                      PROPERTIES HEADER_FILE_ONLY ON)
        endif()
      endforeach()
    endif()
  endforeach()
  target_include_directories("${arg_TARGET}" PRIVATE "${out}")
  target_link_libraries("${arg_TARGET}" PRIVATE flowc::flowc)
endfunction()
