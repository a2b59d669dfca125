# Complaints: the pure stage/status rules (included at the end of CMakeLists.txt).
target_sources(cm_cases PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/complaint_workflow.cc)
cm_test(complaint_workflow_test LABEL unit SRCS complaint_workflow_test.cc DEPS cm_cases)
