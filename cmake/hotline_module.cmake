# hotline_module(NAME <module>
#                SOURCES <private .cpp files>
#                DEPENDS <hotline modules>      # checked against cmake/architecture.cmake
#                LIBS <external targets>        # linked privately unless PUBLIC_LIBS
#                PUBLIC_LIBS <external targets>
#                TESTS <*_test.cpp files>)
#
# Declares library `hotline_<module>` with public headers in src/<module>/include. Only the
# include directories of declared dependencies are visible, so `#include "hotline/store/..."` from
# routing does not even compile.
function(hotline_module)
  cmake_parse_arguments(M "" "NAME" "SOURCES;DEPENDS;LIBS;PUBLIC_LIBS;TESTS" ${ARGN})
  if(NOT DEFINED HOTLINE_ALLOWED_${M_NAME})
    message(FATAL_ERROR "module '${M_NAME}' is not in cmake/architecture.cmake")
  endif()
  foreach(dep IN LISTS M_DEPENDS)
    if(NOT dep IN_LIST HOTLINE_ALLOWED_${M_NAME})
      message(FATAL_ERROR
        "forbidden dependency: ${M_NAME} -> ${dep} (ARCHITECTURE.md §2 allows: ${HOTLINE_ALLOWED_${M_NAME}})")
    endif()
  endforeach()

  set(target hotline_${M_NAME})
  add_library(${target} STATIC ${M_SOURCES})
  target_include_directories(${target} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
  foreach(dep IN LISTS M_DEPENDS)
    target_link_libraries(${target} PUBLIC hotline_${dep})
  endforeach()
  target_link_libraries(${target} PRIVATE ${M_LIBS})
  target_link_libraries(${target} PUBLIC ${M_PUBLIC_LIBS})

  if(HOTLINE_TESTS AND M_TESTS)
    set(test_target ${target}_tests)
    add_executable(${test_target} ${M_TESTS})
    target_link_libraries(${test_target} PRIVATE ${target} ${M_LIBS} GTest::gtest_main GTest::gmock)
    target_compile_definitions(${test_target} PRIVATE
      HOTLINE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    gtest_discover_tests(${test_target} DISCOVERY_MODE PRE_TEST
      PROPERTIES LABELS ${M_NAME})
  endif()
endfunction()
