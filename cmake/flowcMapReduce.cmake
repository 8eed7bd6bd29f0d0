# flowcMapReduce.cmake - flowc_add_mapreduce(): a MapReduce program built from
# the files that declare its jobs, with flowc run on them at build time.
#
#   flowc_add_mapreduce(<name>
#     SOURCES <file>...          the program's sources, headers included
#     [JOBS <file>...]           the files flowc reads (the ones with FLOWC_MAP,
#                                FLOWC_REDUCE, FLOWC_COMBINE); by default the
#                                SOURCES that are headers, or all SOURCES when
#                                none is a header
#     [OUTPUT_DIR <dir>]         default: ${CMAKE_CURRENT_BINARY_DIR}/<name>.flowc
#     [TEMPLATES <dir>]          flowc --templates
#     [EXTRA_ARGS <arg>...])     compiler arguments for flowc's parse (after --)
#
# For each JOBS file X.<ext>, flowc writes X.flowc.h and X.flowc.cpp; the
# executable <name> is SOURCES plus the generated sources, linked with
# flowc::runtime_mapreduce. X.flowc.cpp defines main, so the program has the
# map/combine/reduce/run commands. A JOBS file that is not a header (say
# wordcount.cpp) is compiled through its X.flowc.cpp, which includes it. With
# several JOBS files each X.flowc.cpp is built with FLOWC_NO_MAIN and a
# generated <name>.main.cpp runs the jobs of all of them (so each must declare
# at least one job). flowc reruns only when a JOBS file, a template or flowc
# itself changes; files whose content is unchanged keep their time stamps.
#
# Works in flowc's own build (the flowc-tool target) and from the installed
# package (FLOWC_EXECUTABLE, FLOWC_TEMPLATES_DIR set by flowcConfig.cmake).
include_guard(GLOBAL)

if(NOT DEFINED FLOWC_TEMPLATES_DIR)
  set(FLOWC_TEMPLATES_DIR "${CMAKE_CURRENT_LIST_DIR}/../templates")
endif()
# Kept global so a call from any directory sees what the package found.
set_property(GLOBAL PROPERTY FLOWC_MAPREDUCE_TEMPLATES_DIR "${FLOWC_TEMPLATES_DIR}")
if(DEFINED FLOWC_EXECUTABLE)
  set_property(GLOBAL PROPERTY FLOWC_MAPREDUCE_EXECUTABLE "${FLOWC_EXECUTABLE}")
endif()

function(flowc_add_mapreduce name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "OUTPUT_DIR;TEMPLATES"
                        "SOURCES;JOBS;EXTRA_ARGS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "flowc_add_mapreduce(${name}): unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "flowc_add_mapreduce(${name}): SOURCES is required")
  endif()

  # The flowc to run: the one being built here, else the installed one.
  if(TARGET flowc-tool)
    set(tool "$<TARGET_FILE:flowc-tool>")
    set(tool_dep flowc-tool)
  else()
    get_property(tool GLOBAL PROPERTY FLOWC_MAPREDUCE_EXECUTABLE)
    if(NOT tool OR NOT EXISTS "${tool}")
      message(FATAL_ERROR "flowc_add_mapreduce(${name}): no flowc executable (FLOWC_EXECUTABLE='${tool}')")
    endif()
    set(tool_dep "${tool}")
  endif()

  if(NOT arg_JOBS)
    foreach(source IN LISTS arg_SOURCES)
      if(source MATCHES "\\.(h|hh|hpp|hxx)$")
        list(APPEND arg_JOBS "${source}")
      endif()
    endforeach()
    if(NOT arg_JOBS)
      set(arg_JOBS ${arg_SOURCES})
    endif()
  endif()
  set(out "${arg_OUTPUT_DIR}")
  if(NOT out)
    set(out "${CMAKE_CURRENT_BINARY_DIR}/${name}.flowc")
  endif()
  get_filename_component(out "${out}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")

  get_property(builtin GLOBAL PROPERTY FLOWC_MAPREDUCE_TEMPLATES_DIR)
  file(GLOB template_deps "${builtin}/*.mustache")
  set(template_args)
  if(arg_TEMPLATES)
    get_filename_component(templates "${arg_TEMPLATES}" ABSOLUTE)
    file(GLOB override_deps "${templates}/*.mustache")
    list(APPEND template_deps ${override_deps})
    set(template_args "--templates=${templates}")
  endif()

  # flowc parses with the program's include folders and definitions.
  set(includes "$<TARGET_PROPERTY:${name},INCLUDE_DIRECTORIES>")
  set(defines "$<TARGET_PROPERTY:${name},COMPILE_DEFINITIONS>")
  set(parse_args
    "$<$<BOOL:${includes}>:-I$<JOIN:${includes},$<SEMICOLON>-I>>"
    "$<$<BOOL:${defines}>:-D$<JOIN:${defines},$<SEMICOLON>-D>>"
    ${arg_EXTRA_ARGS})

  set(sources ${arg_SOURCES})
  set(generated_sources)
  set(generated_headers)
  set(stems)
  foreach(input IN LISTS arg_JOBS)
    get_filename_component(input_abs "${input}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    # flowc runs in the source folder on the relative name, so the generated
    # comments say "wordcount.h:11", not the machine's absolute path.
    file(RELATIVE_PATH input_rel "${CMAKE_CURRENT_SOURCE_DIR}" "${input_abs}")
    get_filename_component(stem "${input_abs}" NAME_WLE)
    set(header "${out}/${stem}.flowc.h")
    set(source "${out}/${stem}.flowc.cpp")
    set(stamp "${out}/${stem}.flowc.stamp")
    add_custom_command(
      # The stamp is touched on every run, the generated files only when their
      # content changes: Make compares the stamp, Ninja restats the outputs.
      OUTPUT "${stamp}" "${header}" "${source}"
      COMMAND "${tool}" --emit=code "--output-dir=${out}" ${template_args}
              "${input_rel}" -- ${parse_args}
      COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
      DEPENDS "${input_abs}" ${tool_dep} ${template_deps}
      WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
      COMMENT "flowc: ${input_rel} -> ${stem}.flowc.h, ${stem}.flowc.cpp"
      COMMAND_EXPAND_LISTS
      VERBATIM)
    if(NOT input_abs MATCHES "\\.(h|hh|hpp|hxx)$")
      # Compiled through X.flowc.cpp, which includes it.
      foreach(listed IN LISTS arg_SOURCES)
        get_filename_component(listed_abs "${listed}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
        if(listed_abs STREQUAL input_abs)
          list(REMOVE_ITEM sources "${listed}")
        endif()
      endforeach()
    endif()
    list(APPEND generated_sources "${source}")
    list(APPEND generated_headers "${header}")
    string(MAKE_C_IDENTIFIER "${stem}" id)
    list(APPEND stems "${stem}")
    list(APPEND job_lists "flowc_generated::${id}_jobs()")
  endforeach()

  list(LENGTH arg_JOBS job_files)
  if(job_files GREATER 1)
    set_source_files_properties(${generated_sources} PROPERTIES
      COMPILE_DEFINITIONS FLOWC_NO_MAIN)
    set(main_includes "")
    foreach(stem IN LISTS stems)
      string(APPEND main_includes "#include \"${stem}.flowc.h\"\n")
    endforeach()
    list(JOIN job_lists ", " job_calls)
    list(JOIN arg_JOBS ", " job_files_text)
    set(main "${out}/${name}.main.cpp")
    file(CONFIGURE OUTPUT "${main}" CONTENT "\
// ${name}.main.cpp - generated by flowc_add_mapreduce: the program's main over
// the jobs of ${job_files_text}.
${main_includes}
#include <flowc/mapreduce/main.h>

#include <utility>
#include <vector>

int main(int argc, char **argv) {
  std::vector<flowc::mapreduce::Job> jobs;
  for (const auto &list : {${job_calls}})
    jobs.insert(jobs.end(), list.begin(), list.end());
  return flowc::mapreduce::main(argc, argv, std::move(jobs));
}
" @ONLY)
    list(APPEND generated_sources "${main}")
  endif()

  add_executable(${name} ${sources} ${generated_sources} ${generated_headers})
  target_include_directories(${name} PRIVATE "${out}")
  target_link_libraries(${name} PRIVATE flowc::runtime_mapreduce)
endfunction()
