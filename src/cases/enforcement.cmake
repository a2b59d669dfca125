# Enforcement: the ladder of actions, which need a team leader, which fee each carries
# (SI 2014/612 regs 10, 12). Included by CMakeLists.txt.
target_sources(cm_cases PRIVATE enforcement.cc)
cm_test(cases_enforcement_test LABEL unit SRCS enforcement_test.cc DEPS cm_cases)
