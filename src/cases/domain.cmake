# The case domain: pure rules about applications, cases and decisions (included by CMakeLists.txt).
cm_library(cm_cases SRCS references.cc case_state_machine.cc model.cc case_schedule.cc
  decision_request.cc DEPS cm_contract cm_schedule cm_ledger cm_cases_time cm_base)
cm_test(cases_test LABEL unit SRCS references_test.cc case_state_machine_test.cc DEPS cm_cases)
