# Install rules and the CMake package: find_package(flowc CONFIG).
# The runtime-only configuration (FLOWC_RUNTIME_ONLY, or FLOWC_BUILD_TOOL off)
# installs the same package without the tool and its templates; its
# flowc_generate() then uses already generated files (docs/cmake.md).
include(CMakePackageConfigHelpers)

install(DIRECTORY include/flowc DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
set(FLOWC_INSTALL_TEMPLATESDIR ${CMAKE_INSTALL_DATADIR}/flowc/templates)
if(FLOWC_BUILD_TOOL)
  # The built-in templates, where an installed bin/flowc looks for them.
  install(DIRECTORY templates/ DESTINATION ${FLOWC_INSTALL_TEMPLATESDIR}
    FILES_MATCHING PATTERN "*.mustache")
  set(FLOWC_PACKAGE_HAS_TOOL ON)
else()
  set(FLOWC_PACKAGE_HAS_TOOL OFF)
endif()
install(TARGETS flowc EXPORT flowcTargets)
install(EXPORT flowcTargets NAMESPACE flowc::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/flowc)

configure_package_config_file(cmake/flowcConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/flowcConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/flowc
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_BINDIR FLOWC_INSTALL_TEMPLATESDIR)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/flowcConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES
  ${CMAKE_CURRENT_BINARY_DIR}/flowcConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/flowcConfigVersion.cmake
  cmake/flowcCommon.cmake
  cmake/flowcGenerate.cmake
  cmake/flowcMapReduce.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/flowc)
