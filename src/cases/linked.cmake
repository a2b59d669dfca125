# Linked cases: one calculation for a paying parent's live cases (contract rule 9; included by
# CMakeLists.txt).
target_sources(cm_cases PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/linked_cases.cc)
cm_test(linked_cases_test LABEL unit SRCS linked_cases_test.cc DEPS cm_cases)
