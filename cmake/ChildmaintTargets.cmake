# cm_library / cm_test (cf. abseil's absl_cc_library / absl_cc_test).
set(CM_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough
    # g++ 12 reports false -Wrestrict/-Wstringop-overflow positives inside std::string at -O2+ (GCC bug 105329).
    -Wno-restrict -Wno-stringop-overflow)
if(CM_WERROR)
  list(APPEND CM_WARNINGS -Werror)
endif()

# cm_library(cm_base SRCS money.cc ... DEPS ...)
function(cm_library NAME)
  cmake_parse_arguments(L "" "" "SRCS;DEPS" ${ARGN})
  add_library(${NAME} STATIC ${L_SRCS})
  target_include_directories(${NAME} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(${NAME} PRIVATE ${CM_WARNINGS})
  target_link_libraries(${NAME} PUBLIC ${L_DEPS})
endfunction()

# cm_test(money_test LABEL unit SRCS money_test.cc DEPS cm_base [FILTER gtest-filter])
function(cm_test NAME)
  cmake_parse_arguments(T "" "LABEL;FILTER" "SRCS;DEPS" ${ARGN})
  add_executable(${NAME} ${T_SRCS})
  target_include_directories(${NAME} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
  target_compile_options(${NAME} PRIVATE ${CM_WARNINGS} -Wno-conversion -Wno-sign-conversion)
  target_link_libraries(${NAME} PRIVATE ${T_DEPS} GTest::gtest_main rapidcheck_gtest rapidcheck)
  if(T_FILTER)
    gtest_discover_tests(${NAME} TEST_FILTER ${T_FILTER} PROPERTIES LABELS ${T_LABEL} DISCOVERY_TIMEOUT 60)
  else()
    gtest_discover_tests(${NAME} PROPERTIES LABELS ${T_LABEL} DISCOVERY_TIMEOUT 60)
  endif()
endfunction()

# cm_embed(OUT_VAR DIR dir PATTERN *.yaml HEADER law/law_bundle.h NAMESPACE ns FUNCTION Fn)
# Generates a source file holding the matching files (see cmake/EmbedFiles.cmake) and sets OUT_VAR
# to its path; it is regenerated whenever one of the files changes.
function(cm_embed OUT_VAR)
  cmake_parse_arguments(E "" "DIR;PATTERN;HEADER;NAMESPACE;FUNCTION" "" ${ARGN})
  file(GLOB_RECURSE inputs CONFIGURE_DEPENDS ${E_DIR}/${E_PATTERN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${E_FUNCTION}.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DDIR=${E_DIR} -DPATTERN=${E_PATTERN} -DOUT=${out}
            -DHEADER=${E_HEADER} -DNAMESPACE=${E_NAMESPACE} -DFUNCTION=${E_FUNCTION}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    DEPENDS ${inputs} ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    COMMENT "Embedding ${E_DIR}/${E_PATTERN}")
  set(${OUT_VAR} ${out} PARENT_SCOPE)
endfunction()
