# flowcCommon.cmake - what flowc_generate() and flowc_add_mapreduce() share:
# finding the flowc to run, or the already generated files to use instead, and
# adding the command that runs flowc on one input.
#
# Works in flowc's own build (the flowc-tool target, else FLOWC_EXECUTABLE) and
# from the installed package (FLOWC_EXECUTABLE, FLOWC_TEMPLATES_DIR set by
# flowcConfig.cmake; a runtime-only package sets neither). docs/cmake.md
# describes the choice between running flowc and GENERATED_DIR.
include_guard(GLOBAL)

if(NOT DEFINED FLOWC_TEMPLATES_DIR)
  set(FLOWC_TEMPLATES_DIR "${CMAKE_CURRENT_LIST_DIR}/../templates")
endif()
# Kept global so a call from any directory sees what the package found.
set_property(GLOBAL PROPERTY FLOWC_BUILTIN_TEMPLATES_DIR "${FLOWC_TEMPLATES_DIR}")
if(DEFINED FLOWC_EXECUTABLE)
  set_property(GLOBAL PROPERTY FLOWC_INSTALLED_EXECUTABLE "${FLOWC_EXECUTABLE}")
endif()

# _flowc_tool(<caller> <tool_var> <dep_var>)
# The flowc to run: the one being built here (flowc-tool), else
# FLOWC_EXECUTABLE, else none (empty).
function(_flowc_tool caller tool_var dep_var)
  if(TARGET flowc-tool)
    set(${tool_var} "$<TARGET_FILE:flowc-tool>" PARENT_SCOPE)
    set(${dep_var} flowc-tool PARENT_SCOPE)
    return()
  endif()
  get_property(tool GLOBAL PROPERTY FLOWC_INSTALLED_EXECUTABLE)
  if(tool AND NOT EXISTS "${tool}")
    message(FATAL_ERROR "${caller}: FLOWC_EXECUTABLE is '${tool}', which does not exist")
  endif()
  set(${tool_var} "${tool}" PARENT_SCOPE)
  set(${dep_var} "${tool}" PARENT_SCOPE)
endfunction()

# _flowc_generated_dir(<caller> <generated_dir> <inputs> <var>)
# Whether this call compiles already generated files instead of running
# flowc: sets <var> to the absolute GENERATED_DIR when it does (no flowc to
# run, or FLOWC_USE_GENERATED on), to "" when flowc runs. Fails, saying what
# to do, when there is neither a flowc nor a GENERATED_DIR.
function(_flowc_generated_dir caller generated inputs var)
  _flowc_tool("${caller}" tool tool_dep)
  list(JOIN inputs " " inputs_text)
  if(FLOWC_USE_GENERATED AND NOT generated)
    message(FATAL_ERROR "${caller}: FLOWC_USE_GENERATED is on but this call has no "
      "GENERATED_DIR for ${inputs_text}")
  endif()
  if(NOT generated AND NOT tool)
    message(FATAL_ERROR "${caller}: there is no flowc to run on ${inputs_text} "
      "(this flowc is runtime-only and FLOWC_EXECUTABLE is not set), and no "
      "GENERATED_DIR. Generate the files on a machine that has flowc, in "
      "${CMAKE_CURRENT_SOURCE_DIR}: 'flowc -o <dir> ${inputs_text}', and pass "
      "GENERATED_DIR <dir> (docs/cmake.md).")
  endif()
  if(generated AND (FLOWC_USE_GENERATED OR NOT tool))
    get_filename_component(generated "${generated}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    set(${var} "${generated}" PARENT_SCOPE)
  else()
    set(${var} "" PARENT_SCOPE)
  endif()
endfunction()

# _flowc_add_command(<caller> <target> <input> <out_dir> <templates> <extra_args>
#                    <generated_dir> <header_var> <source_var>)
# Adds the custom command that runs flowc --emit=code on <input> (relative to
# the current source folder) into <out_dir>, parsing it with <target>'s include
# folders and definitions, and returns the generated files' paths. flowc
# reruns when the input, a header it includes (flowc's depfile), a template or
# flowc itself changes; files whose content is unchanged keep their time
# stamps, so what includes them does not rebuild.
# With a <generated_dir> (from _flowc_generated_dir) it runs nothing and
# returns the files already generated there, which must exist.
function(_flowc_add_command caller target input out templates extra_args generated header_var source_var)
  get_filename_component(input_abs "${input}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  get_filename_component(stem "${input_abs}" NAME_WLE)
  if(generated)
    # Already generated (flowc -o <generated> <input>): used as they are.
    foreach(file IN ITEMS "${generated}/${stem}.flowc.h" "${generated}/${stem}.flowc.cpp")
      if(NOT EXISTS "${file}")
        file(RELATIVE_PATH input_rel "${CMAKE_CURRENT_SOURCE_DIR}" "${input_abs}")
        message(FATAL_ERROR "${caller}(${target}): GENERATED_DIR has no ${file}; "
          "generate it with 'flowc -o ${generated} ${input_rel}' in ${CMAKE_CURRENT_SOURCE_DIR}")
      endif()
    endforeach()
    set(${header_var} "${generated}/${stem}.flowc.h" PARENT_SCOPE)
    set(${source_var} "${generated}/${stem}.flowc.cpp" PARENT_SCOPE)
    return()
  endif()
  _flowc_tool("${caller}" tool tool_dep)

  get_property(builtin GLOBAL PROPERTY FLOWC_BUILTIN_TEMPLATES_DIR)
  # CONFIGURE_DEPENDS: a template added or removed reconfigures the build.
  file(GLOB template_deps CONFIGURE_DEPENDS "${builtin}/*.mustache")
  set(template_args)
  if(templates)
    get_filename_component(templates "${templates}" ABSOLUTE)
    file(GLOB override_deps CONFIGURE_DEPENDS "${templates}/*.mustache")
    list(APPEND template_deps ${override_deps})
    set(template_args "--templates=${templates}")
  endif()

  # flowc parses with the target's include folders and definitions.
  set(includes "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
  set(defines "$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>")
  set(parse_args
    "$<$<BOOL:${includes}>:-I$<JOIN:${includes},$<SEMICOLON>-I>>"
    "$<$<BOOL:${defines}>:-D$<JOIN:${defines},$<SEMICOLON>-D>>"
    ${extra_args})

  # flowc runs in the source folder on the relative name, so the generated
  # comments say "shop.h:11", not the machine's absolute path.
  file(RELATIVE_PATH input_rel "${CMAKE_CURRENT_SOURCE_DIR}" "${input_abs}")
  set(header "${out}/${stem}.flowc.h")
  set(source "${out}/${stem}.flowc.cpp")
  set(stamp "${out}/${stem}.flowc.stamp")
  # Headers the input includes: Ninja reads flowc's depfile. CMake's Makefile
  # generators make a DEPFILE command depend on the whole target's
  # compiler_depend.ts, so any recompiled object would rerun flowc; there
  # CMake's own include scanner (IMPLICIT_DEPENDS) does the job instead.
  set(depfile "${out}/${stem}.flowc.d")
  if(CMAKE_GENERATOR MATCHES "Ninja")
    set(depfile_args "--depfile=${depfile}")
    set(depends_args DEPFILE "${depfile}")
  else()
    set(depfile_args)
    set(depends_args IMPLICIT_DEPENDS CXX "${input_abs}")
  endif()
  # Depfile paths are made relative to the build tree for Ninja (CMP0116).
  cmake_policy(PUSH)
  if(POLICY CMP0116)
    cmake_policy(SET CMP0116 NEW)
  endif()
  add_custom_command(
    # The stamp is touched on every run, the generated files only when their
    # content changes: Make compares the stamp, Ninja restats the outputs.
    # The header comes first: the depfile names it and the source as targets.
    OUTPUT "${header}" "${source}" "${stamp}"
    COMMAND "${tool}" --emit=code "--output-dir=${out}" ${template_args}
            ${depfile_args} "${input_rel}" -- ${parse_args}
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS "${input_abs}" ${tool_dep} ${template_deps}
    ${depends_args}
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    COMMENT "flowc: ${input_rel} -> ${stem}.flowc.h, ${stem}.flowc.cpp"
    COMMAND_EXPAND_LISTS
    VERBATIM)
  cmake_policy(POP)
  set(${header_var} "${header}" PARENT_SCOPE)
  set(${source_var} "${source}" PARENT_SCOPE)
endfunction()

# The extensions (without the dot) of the inputs that are headers, which
# generated headers include; other inputs are compiled through their
# X.flowc.cpp, which includes them. flowc decides the same with its own list,
# emit::headerExtensions() (lib/Emit/FileContext.h); unittests/Emit checks
# that the two agree.
function(_flowc_header_extensions var)
  set(${var} h hh hpp hxx PARENT_SCOPE)
endfunction()

# Whether <file> is a header (see _flowc_header_extensions). Unlike flowc's,
# the match is case-sensitive.
function(_flowc_is_header file var)
  _flowc_header_extensions(extensions)
  list(JOIN extensions "|" alternatives)
  if(file MATCHES "\\.(${alternatives})$")
    set(${var} TRUE PARENT_SCOPE)
  else()
    set(${var} FALSE PARENT_SCOPE)
  endif()
endfunction()
