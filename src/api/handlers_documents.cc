// Document uploads (service.md §9): a parent or a caseworker uploads a PDF, JPEG or PNG to a case,
// its type judged from its bytes; a parent lists and downloads only what their own party uploaded
// (so nothing of a protected party's files reaches the other party); a caseworker sees all of the
// case's. Uploads and downloads are audited, without the content or the file's name.
#include <optional>
#include <variant>

#include "api/crypto.h"
#include "api/document_files.h"
#include "api/document_type.h"
#include "api/documents.h"
#include "api/handler_util.h"
#include "api/multipart.h"
#include "api/problem.h"
#include "api/route_table.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {

constexpr int kOk = 200;
constexpr int kCreated = 201;
constexpr int kUnprocessable = 422;
constexpr int kTooLarge = 413;
constexpr std::size_t kMaxDescription = 500;
// Room beyond the file for the multipart framing, part headers and the description (technical).
constexpr std::size_t kFramingBytes = 64 << 10;
constexpr std::int64_t kMebibyte = 1 << 20;
constexpr std::string_view kMaxFileKey = "service.documents.max_file_bytes";
constexpr std::string_view kColumns =
    "SELECT id, content_type, size_bytes, file_name, description, uploaded_at, party_id, "
    "uploaded_by, storage_name FROM documents ";

std::string SizeText(std::int64_t bytes) {
  return bytes % kMebibyte == 0 ? std::to_string(bytes / kMebibyte) + " MiB"
                                : std::to_string(bytes) + " bytes";
}

HttpResponse FieldProblem(int status, std::string_view field, std::string_view code,
                          const std::string& message) {
  return Problem(status, status == kTooLarge ? "Document too large" : "Invalid request", message,
                 {FieldError{std::string(field), std::string(code), message}});
}

Json DocumentJson(const store::Row& r, const Caller& caller) {
  Json j = Json::Object();
  j.Set("id", Json(r.Int(0))).Set("content_type", Json(r.Text(1)));
  j.Set("size_bytes", Json(r.Int(2))).Set("file_name", Json(r.Text(3)));
  j.Set("description", r.IsNull(4) ? Json() : Json(r.Text(4)));
  j.Set("uploaded_at", Json(r.Text(5)));
  if (caller.IsCaseworker()) {  // who uploaded it: a party, or a caseworker (null)
    j.Set("party_id", r.IsNull(6) ? Json() : Json(r.Int(6)));
    j.Set("uploaded_by", Json(r.Text(7)));
  }
  return j;
}

// The document `id` on case `case_id` if this caller may see it (a parent: their party's own).
Result<store::Row> VisibleDocument(store::Db& db, const Caller& caller, std::int64_t case_id,
                                   std::string_view id) {
  constexpr std::size_t kMaxIdDigits = 18;
  if (id.empty() || id.size() > kMaxIdDigits || id.find_first_not_of("0123456789") != id.npos) {
    return Error::Make(ErrorCode::kNotFound, "document.not_found", "no such document");
  }
  CMS_ASSIGN_OR_RETURN(
      auto row, db.MaybeOne(std::string(kColumns) +
                                "WHERE id = ? AND case_id = ? AND (? = 0 OR party_id = ?)",
                            {store::Value(static_cast<std::int64_t>(std::stoll(std::string(id)))),
                             store::Value(case_id), store::Value(caller.IsParent() ? 1 : 0),
                             store::Value(caller.party_id)}));
  if (!row) {
    return Error::Make(ErrorCode::kNotFound, "document.not_found", "no such document");
  }
  return std::move(*row);
}

// What the form says, checked; the file's bytes point into the request's body.
struct Upload {
  std::string_view bytes;
  DocumentType type;
  std::string file_name;
  std::optional<std::string> description;
};

std::variant<Upload, HttpResponse> ReadUpload(const Context& ctx, const HttpRequest& req) {
  const std::string* content_type = req.Header("content-type");
  auto parts = ParseMultipart(content_type != nullptr ? *content_type : "", req.body);
  if (!parts) {
    return FromError(parts.error());
  }
  const MultipartPart* file = FindPart(*parts, "file");
  if (file == nullptr || !file->filename || (file->filename->empty() && file->data.empty())) {
    return FieldProblem(kUnprocessable, "file", "missing_field",
                        "Choose a file to upload (a part named file, with a filename)");
  }
  auto max = MaxDocumentBytes(ctx);
  if (!max) {
    return FromError(max.error());
  }
  if (static_cast<std::int64_t>(file->data.size()) > *max) {
    return FieldProblem(kTooLarge, "file", "too_large",
                        "The file must be " + SizeText(*max) + " or smaller");
  }
  if (file->data.empty()) {
    return FieldProblem(kUnprocessable, "file", "empty", "The file is empty");
  }
  const auto type = SniffDocumentType(file->data);
  if (!type) {
    return FieldProblem(kUnprocessable, "file", "unsupported_type",
                        "The file must be a PDF, JPEG or PNG (judged from its content, not its "
                        "name)");
  }
  Upload u{file->data, *type, SafeFileName(*file->filename, *type), std::nullopt};
  if (const MultipartPart* d = FindPart(*parts, "description"); d != nullptr && !d->data.empty()) {
    if (d->data.size() > kMaxDescription || !PrintableUtf8(d->data)) {
      return FieldProblem(kUnprocessable, "description", "invalid_field",
                          "The description must be text of at most " +
                              std::to_string(kMaxDescription) + " characters");
    }
    u.description = std::string(d->data);
  }
  return u;
}

HttpResponse UploadDocument(Context& ctx, const Caller& caller, const HttpRequest& req,
                            const PathParams& p) {
  {  // Not your case: 404 before anything about the body.
    auto db = ctx.pool.Acquire();
    if (auto c = LoadCaseFor(*db, caller, p[0]); !c) {
      return FromError(c.error());
    }
  }
  auto read = ReadUpload(ctx, req);
  if (auto* problem = std::get_if<HttpResponse>(&read)) {
    return std::move(*problem);
  }
  const Upload& u = std::get<Upload>(read);
  const std::string storage_name = RandomToken();
  const std::string sha256 = Sha256Hex(u.bytes);
  bool written = false;
  HttpResponse res = InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(const cases::Case c, LoadCaseFor(db, caller, p[0]));
    if (!written) {  // the file is on disk before its row is committed (retries reuse it)
      CMS_TRY(WriteDocumentFile(ctx.documents_dir, storage_name, u.bytes));
      written = true;
    }
    const std::optional<std::int64_t> party =
        caller.IsParent() ? std::optional<std::int64_t>(caller.party_id) : std::nullopt;
    CMS_ASSIGN_OR_RETURN(
        const std::int64_t id,
        db.Insert("INSERT INTO documents (case_id, party_id, uploaded_by, content_type, "
                  "size_bytes, sha256, storage_name, file_name, description, uploaded_at) VALUES "
                  "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  {store::Value(c.id), store::Value(party), store::Value(caller.Actor()),
                   store::Value(u.type.content_type),
                   store::Value(static_cast<std::int64_t>(u.bytes.size())), store::Value(sha256),
                   store::Value(storage_name), store::Value(u.file_name),
                   store::Value(u.description), store::Value(NowIso(ctx))}));
    Json detail = Json::Object();  // never the content, its name or its description
    detail.Set("document_id", Json(id)).Set("content_type", Json(u.type.content_type));
    detail.Set("size_bytes", Json(static_cast<std::int64_t>(u.bytes.size())));
    detail.Set("sha256", Json(sha256));
    CMS_TRY(store::Audit(db, caller.Actor(), "document_uploaded", c.id, detail, NowIso(ctx)));
    CMS_ASSIGN_OR_RETURN(const store::Row row,
                         db.One(std::string(kColumns) + "WHERE id = ?", {store::Value(id)}));
    return JsonResponse(kCreated, DocumentJson(row, caller));
  });
  if (written && res.status != kCreated) {
    RemoveDocumentFile(ctx.documents_dir, storage_name);
  }
  return res;
}

HttpResponse ListDocuments(Context& ctx, const Caller& caller, const HttpRequest&,
                           const PathParams& p) {
  return ReadCase(ctx, caller, p[0], [&](store::Db& db, const cases::Case& c) -> Result<Json> {
    // A parent: only their own party's uploads. A caseworker: all of the case's.
    CMS_ASSIGN_OR_RETURN(const auto rows,
                         db.Query(std::string(kColumns) +
                                      "WHERE case_id = ? AND (? = 0 OR party_id = ?) ORDER BY id",
                                  {store::Value(c.id), store::Value(caller.IsParent() ? 1 : 0),
                                   store::Value(caller.party_id)}));
    Json list = Json::Array();
    for (const store::Row& r : rows) {
      list.Push(DocumentJson(r, caller));
    }
    Json out = Json::Object();
    out.Set("documents", std::move(list));
    return out;
  });
}

HttpResponse DownloadDocument(Context& ctx, const Caller& caller, const HttpRequest&,
                              const PathParams& p) {
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(const cases::Case c, LoadCaseFor(db, caller, p[0]));
    CMS_ASSIGN_OR_RETURN(const store::Row row, VisibleDocument(db, caller, c.id, p[1]));
    auto bytes = ReadDocumentFile(ctx.documents_dir, row.Text(8));
    if (!bytes) {  // a row without its file is our fault, not the caller's
      return Error::Make(ErrorCode::kDataLoss, "documents.file_missing", bytes.error().message);
    }
    Json detail = Json::Object();
    detail.Set("document_id", Json(row.Int(0)));
    CMS_TRY(store::Audit(db, caller.Actor(), "document_downloaded", c.id, detail, NowIso(ctx)));
    HttpResponse out;
    out.status = kOk;
    out.headers.emplace_back("Content-Type", row.Text(1));
    // file_name is SafeFileName's: no quotes, backslashes or control characters.
    out.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + row.Text(3) + "\"");
    out.headers.emplace_back("Content-Security-Policy", "default-src 'none'; sandbox");
    out.body = std::move(*bytes);
    return out;
  });
}

}  // namespace

Result<std::int64_t> MaxDocumentBytes(const Context& ctx) {
  return ctx.law.Count(kMaxFileKey, ctx.clock.Today());
}

std::size_t UploadBodyLimit(const Context& ctx) {
  const auto max = MaxDocumentBytes(ctx);
  return max ? static_cast<std::size_t>(*max) + kFramingBytes : 0;
}

bool IsDocumentUpload(std::string_view method, std::string_view target) {
  constexpr std::string_view kPrefix = "/api/v1/cases/";
  constexpr std::string_view kSuffix = "/documents";
  const std::string_view path = target.substr(0, target.find('?'));
  if (method != "POST" || !path.starts_with(kPrefix) || !path.ends_with(kSuffix)) {
    return false;
  }
  const std::string_view ref =
      path.substr(kPrefix.size(), path.size() - kPrefix.size() - kSuffix.size());
  return !ref.empty() && ref.find('/') == std::string_view::npos;
}

std::span<const RouteEntry> DocumentRoutes() {
  static constexpr RouteEntry kRoutes[] = {
      {"GET", "/api/v1/cases/{}/documents", Access::kCaseParty, &ListDocuments},
      {"POST", "/api/v1/cases/{}/documents", Access::kCasePartyWrite, &UploadDocument},
      {"GET", "/api/v1/cases/{}/documents/{}", Access::kCaseParty, &DownloadDocument},
  };
  return kRoutes;
}

}  // namespace childmaint::api
