# Reconsiderations and appeals: time tests and status moves (included at the end of CMakeLists.txt).
target_sources(cm_cases PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/reconsideration.cc)
cm_test(reconsideration_test LABEL unit SRCS reconsideration_test.cc DEPS cm_cases)
