#include "portal/documents_page.h"

#include <array>
#include <utility>
#include <vector>

#include "api/document_type.h"
#include "api/documents.h"
#include "api/multipart.h"
#include "api/router.h"
#include "base/date.h"
#include "portal/lists.h"
#include "portal/page.h"

namespace childmaint::portal {

namespace {

using api::HttpRequest;
using api::HttpResponse;

constexpr int kOk = 200;
constexpr int kCreated = 201;
constexpr int kBadRequest = 400;
constexpr std::int64_t kKibibyte = 1024;
constexpr std::int64_t kMebibyte = kKibibyte * kKibibyte;

struct FieldMessage {
  std::string field;  // "file" or "description": the id the error summary links to
  std::string message;
};

std::string SizeText(std::int64_t bytes) {
  if (bytes < kKibibyte) {
    return std::to_string(bytes) + " bytes";
  }
  if (bytes < kMebibyte) {
    return std::to_string((bytes + kKibibyte - 1) / kKibibyte) + " KB";
  }
  const std::int64_t tenths = (bytes * 10 + kMebibyte / 2) / kMebibyte;
  return std::to_string(tenths / 10) + (tenths % 10 == 0 ? "" : "." + std::to_string(tenths % 10)) +
         " MB";
}

std::string TypeName(const std::string& content_type) {
  if (content_type == "application/pdf") {
    return "PDF";
  }
  return content_type == "image/png" ? "PNG" : "JPEG";
}

// The parent's own documents, through the API as them.
Json DocumentRows(api::Context& ctx, const HttpRequest& req, const cases::Case& c) {
  HttpRequest list_req;
  list_req.method = "GET";
  list_req.target = "/api/v1/cases/" + c.reference + "/documents";
  list_req.headers = req.headers;
  const HttpResponse list = api::Route(ctx, list_req);
  Json rows = Json::Array();
  const auto j = Json::Parse(list.body);
  const Json* docs = j && list.status == kOk ? j->Find("documents") : nullptr;
  if (docs == nullptr) {
    return rows;
  }
  for (const Json& doc : docs->items()) {
    Json row = Json::Object();
    row.Set("file_name", Json(doc.Find("file_name")->AsString()));
    row.Set("type", Json(TypeName(doc.Find("content_type")->AsString())));
    row.Set("size", Json(SizeText(doc.Find("size_bytes")->AsInt())));
    row.Set("date", Json(LongDateText(doc.Find("uploaded_at")->AsString())));
    const Json* description = doc.Find("description");
    row.Set("description",
            Json(description != nullptr && description->IsString() ? description->AsString() : ""));
    rows.Push(std::move(row));
  }
  return rows;
}

// The description the parent typed, to show again after an error ("" when unusable).
std::string DescriptionSent(const HttpRequest& req) {
  const std::string* type = req.Header("content-type");
  const auto parts = api::ParseMultipart(type != nullptr ? *type : "", req.body);
  const api::MultipartPart* d = parts ? api::FindPart(*parts, "description") : nullptr;
  return d != nullptr && api::PrintableUtf8(d->data) ? std::string(d->data) : std::string();
}

HttpResponse Show(api::Context& ctx, const HttpRequest& req, const cases::Case& c, int status,
                  const std::string& uploaded, const std::vector<FieldMessage>& errors) {
  Json d = Json::Object();  // Page adds the CSRF token, the same as the layout's
  const auto max = api::MaxDocumentBytes(ctx);
  d.Set("max_size", Json(max ? SizeText(*max) : std::string("the size limit")));
  if (!uploaded.empty()) {
    d.Set("uploaded", Json(uploaded));
  }
  Json list = Json::Array();
  for (const FieldMessage& e : errors) {
    Json item = Json::Object();
    item.Set("field", Json(e.field)).Set("message", Json(e.message));
    list.Push(std::move(item));
    d.Set(e.field + "_error", Json(e.message));
  }
  d.Set("has_errors", Json(!errors.empty())).Set("errors", std::move(list));
  d.Set("description", Json(errors.empty() ? std::string() : DescriptionSent(req)));
  Json rows = DocumentRows(ctx, req, c);
  d.Set("has_documents", Json(rows.size() > 0)).Set("documents", std::move(rows));
  return Page(status, "documents", "Upload documents", d, req, true);
}

// The API's problem as messages on the form's fields.
std::vector<FieldMessage> Problems(const HttpResponse& answer) {
  std::vector<FieldMessage> out;
  const auto problem = Json::Parse(answer.body);
  if (!problem) {
    out.push_back({"file", "The document could not be uploaded. Please try again."});
    return out;
  }
  if (const Json* list = problem->Find("errors")) {
    for (const Json& e : list->items()) {
      const Json* field = e.Find("field");
      const Json* message = e.Find("message");
      const bool description =
          field != nullptr && field->IsString() && field->AsString() == "description";
      out.push_back({description ? "description" : "file",
                     message != nullptr && message->IsString() ? message->AsString() : ""});
    }
  }
  if (out.empty()) {
    const Json* detail = problem->Find("detail");
    out.push_back({"file", detail != nullptr && detail->IsString()
                               ? detail->AsString()
                               : std::string("The document could not be uploaded.")});
  }
  return out;
}

}  // namespace

bool IsDocumentUpload(std::string_view method, std::string_view target) {
  return method == "POST" && target.substr(0, target.find('?')) == kDocumentsPath;
}

HttpResponse DocumentsPage(api::Context& ctx, const HttpRequest& req, const cases::Case& c) {
  if (req.method != "POST") {
    return Show(ctx, req, c, kOk, "", {});
  }
  if (!CsrfOk(req)) {
    return Message(kBadRequest, "Please try again", "The form had expired.", req, true);
  }
  // The same endpoint the API offers, as this parent; the form's body as it came.
  HttpRequest api_req;
  api_req.method = "POST";
  api_req.target = "/api/v1/cases/" + c.reference + "/documents";
  api_req.headers = req.headers;
  api_req.body = req.body;
  const HttpResponse answer = api::Route(ctx, api_req);
  if (answer.status == kCreated) {
    const auto doc = Json::Parse(answer.body);
    const Json* name = doc ? doc->Find("file_name") : nullptr;
    return Show(ctx, req, c, kOk, name != nullptr ? name->AsString() : "your document", {});
  }
  return Show(ctx, req, c, answer.status, "", Problems(answer));
}

api::HttpResponse UploadTooLargePage(const api::Context& ctx) {
  constexpr int kTooLarge = 413;
  const auto max = api::MaxDocumentBytes(ctx);
  return Message(kTooLarge, "The file is too large",
                 "Files must be up to " + (max ? SizeText(*max) : std::string("the size limit")) +
                     ". Go back to the upload page and choose a smaller file.",
                 api::HttpRequest{}, false);
}

}  // namespace childmaint::portal
