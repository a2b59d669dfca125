# The HTTP API's router and handlers (included by CMakeLists.txt; the socket layer is cm_http).
find_library(SODIUM_LIBRARY sodium REQUIRED)
cm_embed(CM_OPENAPI DIR ${CMAKE_CURRENT_SOURCE_DIR} PATTERN openapi.json
  HEADER api/openapi_bundle.h NAMESPACE childmaint::api FUNCTION EmbeddedOpenApi)
cm_library(cm_api SRCS router.cc problem.cc body.cc crypto.cc handler_util.cc handlers_basic.cc
  handlers_applications.cc handlers_cases.cc handlers_money.cc handlers_enforcement.cc
  handlers_reconsiderations.cc handlers_complaints.cc handlers_audit.cc handlers_changes.cc
  handlers_parentage.cc decide.cc session.cc handlers_messages.cc
  attempts.cc pin_codes.cc handlers_pin_codes.cc url_encoding.cc
  multipart.cc document_type.cc document_files.cc handlers_documents.cc
  accounts.cc handlers_caseworker.cc ${CM_OPENAPI}
  DEPS cm_store cm_cases cm_contract cm_http)
target_link_libraries(cm_api PRIVATE ${SODIUM_LIBRARY})
cm_test(openapi_test LABEL unit SRCS openapi_test.cc DEPS cm_api)
cm_test(pin_codes_test LABEL unit SRCS pin_codes_test.cc DEPS cm_api)
cm_test(documents_test LABEL unit SRCS multipart_test.cc document_type_test.cc DEPS cm_api)
cm_test(accounts_test LABEL unit SRCS accounts_test.cc DEPS cm_api)
cm_test(url_encoding_test LABEL unit SRCS url_encoding_test.cc url_encoding.cc DEPS cm_base)
