# The annual review's dates (service.md §5; included by CMakeLists.txt).
target_sources(cm_cases PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/annual_review.cc)
cm_test(annual_review_test LABEL unit SRCS annual_review_test.cc DEPS cm_cases)
