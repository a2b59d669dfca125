// Document uploads over real HTTP: PDF, PNG and JPEG by a parent and a caseworker, the type judged
// from the content, the 10 MiB limit (and 1 MiB everywhere else), a parent sees only their own
// party's uploads, files kept privately beside the database, and the portal's upload form.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/e2e/fixtures.h"

namespace childmaint::testing {
namespace {

constexpr std::size_t kMiB = 1 << 20;
constexpr std::size_t kLimit = 10 * kMiB;  // law/service/documents.yaml
constexpr const char* kBoundary = "----cmTestBoundary7MA4YWxk";

std::string Pdf(std::size_t size = 64) {
  std::string s = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  s.resize(size, '\0');
  return s;
}
const std::string kPng("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02", 24);
const std::string kJpeg("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xFF\xD9", 22);

// A multipart/form-data body: the file (claimed type image/gif, which is ignored), a description
// and any extra fields (name, value).
std::string Multipart(const std::string& filename, const std::string& bytes,
                      const std::string& description = "",
                      const std::vector<std::pair<std::string, std::string>>& extra = {}) {
  const std::string dash = std::string("--") + kBoundary;
  std::string b;
  for (const auto& [name, value] : extra) {
    b +=
        dash + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }
  b += dash + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
       "\"\r\nContent-Type: image/gif\r\n\r\n" + bytes + "\r\n";
  if (!description.empty()) {
    b += dash + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n" + description +
         "\r\n";
  }
  return b + dash + "--\r\n";
}

// errors[0].field of a problem ("" when there is none).
std::string FirstErrorField(const HttpResult& r) {
  const Json j = r.json();
  const Json* errors = j.Find("errors");
  if (errors == nullptr || errors->items().empty()) {
    return {};
  }
  const Json* field = errors->items().front().Find("field");
  return field != nullptr ? field->AsString() : std::string();
}

Headers With(Headers h) {
  h.emplace_back("Content-Type", std::string("multipart/form-data; boundary=") + kBoundary);
  return h;
}

class DocumentsE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    cw_ = {{"Authorization", server_.Bearer("caseworker")}};
    ref_ = Create("GHACM-DOC1", "AB123456C", "JK123456C");
    other_ref_ = Create("GHACM-DOC2", "CE123456A", "JE123456B");
    sam_ = Session(ref_, "AB123456C");
    alex_ = Session(ref_, "JK123456C", "7654321");
    stranger_ = Session(other_ref_, "CE123456A");
  }
  // Sam (protected by domestic-abuse marking, NI number `ni`) applies about Alex (`other`).
  std::string Create(const std::string& ghacm, const std::string& ni, const std::string& other) {
    Application app;
    app.ghacm_reference = ghacm;
    app.applicant.ni_number = ni;
    app.applicant.domestic_abuse = true;
    app.other_parent.ni_number = other;
    return CreateCase(server_, cw_, app);
  }
  Headers Session(const std::string& ref, const std::string& ni,
                  const std::string& pin = kSamPin) {
    return ParentSession(server_, ref, ni, pin);
  }
  HttpResult Upload(const Headers& who, const std::string& body, const std::string& ref = "") {
    return server_.Post("/api/v1/cases/" + (ref.empty() ? ref_ : ref) + "/documents", body,
                        With(who));
  }
  std::string Docs() const { return "/api/v1/cases/" + ref_ + "/documents"; }
  std::string DocumentsDir() const { return server_.db_path() + ".documents"; }
  std::size_t StoredFiles() const {
    std::size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(DocumentsDir())) {
      n += e.is_regular_file() ? 1 : 0;
    }
    return n;
  }

  TestServer server_;
  Headers cw_, sam_, alex_, stranger_;
  std::string ref_, other_ref_;
};

TEST_F(DocumentsE2E, PdfPngAndJpegByParentsAndCaseworker) {
  const std::string pdf = Pdf(5000);
  const HttpResult up = Upload(sam_, Multipart("payslip May.pdf", pdf, "Payslip for May"));
  ASSERT_EQ(up.status, 201) << up.body;
  const Json doc = up.json();
  EXPECT_EQ(doc.Find("content_type")->AsString(), "application/pdf");  // not the claimed image/gif
  EXPECT_EQ(doc.Find("size_bytes")->AsInt(), 5000);
  EXPECT_EQ(doc.Find("file_name")->AsString(), "payslip May.pdf");
  EXPECT_EQ(doc.Find("description")->AsString(), "Payslip for May");
  EXPECT_FALSE(doc.Find("uploaded_at")->AsString().empty());
  EXPECT_EQ(doc.Find("party_id"), nullptr);  // parents are not shown who uploaded
  const HttpResult png = Upload(cw_, Multipart("scan.pdf", kPng));
  ASSERT_EQ(png.status, 201) << png.body;
  EXPECT_EQ(png.json().Find("content_type")->AsString(), "image/png");
  EXPECT_EQ(png.json().Find("file_name")->AsString(), "scan.pdf.png");  // named by its content
  EXPECT_TRUE(png.json().Find("party_id")->IsNull());
  const HttpResult jpeg = Upload(alex_, Multipart("C:\\photos\\%22me%22.jpeg", kJpeg));
  ASSERT_EQ(jpeg.status, 201) << jpeg.body;
  EXPECT_EQ(jpeg.json().Find("content_type")->AsString(), "image/jpeg");
  EXPECT_EQ(jpeg.json().Find("file_name")->AsString(), "_22me_22.jpeg");
  EXPECT_TRUE(jpeg.json().Find("description")->IsNull());

  // Download: the same bytes, as an attachment of the sniffed type.
  const std::string id = std::to_string(doc.Find("id")->AsInt());
  const HttpResult got = server_.Get(Docs() + "/" + id, sam_);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, pdf);
  EXPECT_EQ(got.Header("content-type"), "application/pdf");
  EXPECT_EQ(got.Header("content-disposition"), "attachment; filename=\"payslip May.pdf\"");
  EXPECT_EQ(got.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(server_.Get(Docs() + "/" + id, cw_).body, pdf);

  // A caseworker sees all three; an auditor cannot upload.
  const Json all = server_.Get(Docs(), cw_).json();
  EXPECT_EQ(all.Find("documents")->size(), 3u);
  EXPECT_EQ(Upload({{"Authorization", server_.Bearer("auditor")}}, Multipart("a.pdf", pdf)).status,
            403);
  EXPECT_EQ(Upload({}, Multipart("a.pdf", pdf)).status, 401);
}

TEST_F(DocumentsE2E, TypeIsJudgedFromTheContentNotTheName) {
  for (const std::string& bytes :
       {std::string("just some text, not a PDF\n"), std::string("GIF89a\x01\0\x01\0", 10),
        std::string("<html><script>alert(1)</script>")}) {
    const HttpResult r = Upload(sam_, Multipart("letter.pdf", bytes));
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/problem+json");
    EXPECT_EQ(FirstErrorField(r), "file");
  }
  const HttpResult empty = Upload(sam_, Multipart("empty.pdf", ""));
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(FirstErrorField(empty), "file");
  // Malformed forms: no boundary, no file part, two file parts, cut short.
  EXPECT_EQ(server_.Post(Docs(), Multipart("a.pdf", Pdf()), sam_).status, 422);  // JSON type
  EXPECT_EQ(Upload(sam_, "--" + std::string(kBoundary) + "--\r\n").status, 422);
  const std::string twice = Multipart("a.pdf", Pdf(), "", {{"file", "x"}});
  EXPECT_EQ(Upload(sam_, twice).status, 422);
  const std::string whole = Multipart("a.pdf", Pdf());
  EXPECT_EQ(Upload(sam_, whole.substr(0, whole.size() - 10)).status, 422);
  const std::string long_text(501, 'd');
  const HttpResult desc = Upload(sam_, Multipart("a.pdf", Pdf(), long_text));
  EXPECT_EQ(desc.status, 422);
  EXPECT_EQ(FirstErrorField(desc), "description");
  // Nothing was kept.
  EXPECT_EQ(server_.Get(Docs(), cw_).json().Find("documents")->size(), 0u);
  EXPECT_EQ(StoredFiles(), 0u);
}

TEST_F(DocumentsE2E, TenMebibytesIsTheLimitAndOneMebibyteStaysElsewhere) {
  const HttpResult under = Upload(sam_, Multipart("big.pdf", Pdf(kLimit - 1024)));
  ASSERT_EQ(under.status, 201) << under.body;
  EXPECT_EQ(under.json().Find("size_bytes")->AsInt(), static_cast<std::int64_t>(kLimit - 1024));
  const HttpResult over = Upload(sam_, Multipart("big.pdf", Pdf(kLimit + 1)));
  EXPECT_EQ(over.status, 413) << over.body;
  EXPECT_EQ(over.Header("content-type"), "application/problem+json");
  EXPECT_EQ(FirstErrorField(over), "file");
  // A body far beyond the limit is refused before it is read.
  EXPECT_EQ(Upload(sam_, Multipart("huge.pdf", Pdf(12 * kMiB))).status, 413);
  // Only a caller who may upload gets the larger limit: anyone else is held to 1 MiB.
  const std::string two_mib = Multipart("big.pdf", Pdf(2 * kMiB));
  EXPECT_EQ(Upload({}, two_mib).status, 413);
  EXPECT_EQ(Upload({{"Authorization", "Bearer not-a-token"}}, two_mib).status, 413);
  EXPECT_EQ(Upload({{"Authorization", server_.Bearer("auditor")}}, two_mib).status, 413);
  EXPECT_EQ(Upload({}, Multipart("small.pdf", Pdf(100))).status, 401);
  // The portal's form gets a page a person can read, not the API's JSON.
  const HttpResult page = server_.Post("/documents", Multipart("huge.pdf", Pdf(12 * kMiB)), With(sam_));
  EXPECT_EQ(page.status, 413);
  EXPECT_NE(page.Header("content-type").find("text/html"), std::string::npos);
  EXPECT_NE(page.body.find("The file is too large"), std::string::npos);
  EXPECT_NE(page.body.find("10 MB"), std::string::npos);
  // Every other route keeps 1 MiB.
  const HttpResult message = server_.Post("/api/v1/cases/" + ref_ + "/messages",
                                          R"({"body":")" + std::string(kMiB, 'm') + R"("})", sam_);
  EXPECT_EQ(message.status, 413);
  EXPECT_EQ(server_.Get(Docs(), cw_).json().Find("documents")->size(), 1u);
  EXPECT_EQ(StoredFiles(), 1u);
}

TEST_F(DocumentsE2E, AParentSeesOnlyTheirOwnPartysUploads) {
  const HttpResult up =
      Upload(sam_, Multipart("refuge letter.pdf", Pdf(), "From the refuge in Leeds"));
  ASSERT_EQ(up.status, 201);
  const std::string id = std::to_string(up.json().Find("id")->AsInt());
  // The other parent of the case: absent from the list, 404 on download.
  const HttpResult theirs = server_.Get(Docs(), alex_);
  EXPECT_EQ(theirs.status, 200);
  EXPECT_EQ(theirs.json().Find("documents")->size(), 0u);
  EXPECT_EQ(theirs.body.find("refuge"), std::string::npos);
  const HttpResult peek = server_.Get(Docs() + "/" + id, alex_);
  EXPECT_EQ(peek.status, 404);
  EXPECT_EQ(peek.body.find("refuge"), std::string::npos);
  // A parent of another case: 404 for everything on this one.
  EXPECT_EQ(server_.Get(Docs(), stranger_).status, 404);
  EXPECT_EQ(server_.Get(Docs() + "/" + id, stranger_).status, 404);
  EXPECT_EQ(Upload(stranger_, Multipart("x.pdf", Pdf())).status, 404);
  // Their own case's list does not hold it either, nor can the id be fetched under it.
  EXPECT_EQ(server_.Get("/api/v1/cases/" + other_ref_ + "/documents/" + id, stranger_).status, 404);
  EXPECT_EQ(server_.Get("/api/v1/cases/" + other_ref_ + "/documents/" + id, cw_).status, 404);
  EXPECT_EQ(server_.Get(Docs() + "/999", cw_).status, 404);
  EXPECT_EQ(server_.Get(Docs() + "/abc", cw_).status, 404);
  // Sam sees it.
  EXPECT_EQ(server_.Get(Docs(), sam_).json().Find("documents")->size(), 1u);
}

TEST_F(DocumentsE2E, StoredPrivatelyBesideTheDatabaseAndAudited) {
  const std::string pdf = Pdf(2048);
  const HttpResult up = Upload(sam_, Multipart("../../secret name.pdf", pdf, "Private note"));
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json().Find("file_name")->AsString(), "secret name.pdf");
  struct stat st {};
  ASSERT_EQ(::stat(DocumentsDir().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777U, 0700U);
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(DocumentsDir())) {
    files.push_back(e.path());
  }
  ASSERT_EQ(files.size(), 1u);
  const std::string stored = files.front().filename().string();
  EXPECT_EQ(stored.find("secret"), std::string::npos);  // named by a random id only
  EXPECT_EQ(stored.find(".pdf"), std::string::npos);
  ASSERT_EQ(::stat(files.front().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777U, 0600U);
  std::ifstream in(files.front(), std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  EXPECT_EQ(bytes.str(), pdf);
  // Nothing the server serves reaches it.
  for (const std::string& path : {"/" + stored, "/documents/" + stored, "/api/v1/" + stored}) {
    const HttpResult r = server_.Get(path, sam_);
    EXPECT_NE(r.status, 200) << path;
    EXPECT_EQ(r.body.find("%PDF-"), std::string::npos) << path;
  }
  // Upload and download are audited, without the name, description or content.
  const std::string id = std::to_string(up.json().Find("id")->AsInt());
  ASSERT_EQ(server_.Get(Docs() + "/" + id, sam_).status, 200);
  const HttpResult audit = server_.Get("/api/v1/cases/" + ref_ + "/audit", cw_);
  ASSERT_EQ(audit.status, 200);
  EXPECT_NE(audit.body.find("document_uploaded"), std::string::npos);
  EXPECT_NE(audit.body.find("document_downloaded"), std::string::npos);
  EXPECT_EQ(audit.body.find("secret"), std::string::npos);
  EXPECT_EQ(audit.body.find("Private note"), std::string::npos);
}

TEST_F(DocumentsE2E, ThePortalPageUploadsWithCsrf) {
  const HttpResult form = server_.Get("/documents", sam_);
  ASSERT_EQ(form.status, 200);
  for (const char* want :
       {"enctype=\"multipart/form-data\"",
        "<label class=\"govuk-label\" for=\"file\">Choose a file</label>",
        "accept=\".pdf,.jpg,.jpeg,.png\"", "for=\"description\"", ">Upload</button>",
        "name=\"csrf\"", "href=\"/documents\">Upload documents</a>"}) {
    EXPECT_NE(form.body.find(want), std::string::npos) << want;
  }
  std::string csrf_cookie = form.Header("set-cookie");
  csrf_cookie = csrf_cookie.substr(0, csrf_cookie.find(';'));
  ASSERT_EQ(csrf_cookie.rfind("cms_csrf=", 0), 0u);
  const std::string csrf = csrf_cookie.substr(csrf_cookie.find('=') + 1);
  EXPECT_NE(form.body.find("value=\"" + csrf + "\""), std::string::npos);  // the form carries it
  const Headers who = {{"Cookie", sam_.front().second + "; " + csrf_cookie}};

  // Without the token (or with a wrong one): refused, nothing stored.
  EXPECT_EQ(server_.Post("/documents", Multipart("a.pdf", Pdf()), With(who)).status, 400);
  EXPECT_EQ(
      server_.Post("/documents", Multipart("a.pdf", Pdf(), "", {{"csrf", "wrong"}}), With(who))
          .status,
      400);
  EXPECT_EQ(server_.Get(Docs(), cw_).json().Find("documents")->size(), 0u);
  // With it: uploaded and listed.
  const HttpResult ok = server_.Post(
      "/documents", Multipart("tenancy.pdf", Pdf(3000), "Tenancy agreement", {{"csrf", csrf}}),
      With(who));
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_NE(ok.body.find("We have received tenancy.pdf"), std::string::npos);
  EXPECT_NE(ok.body.find("<td class=\"govuk-table__cell\">tenancy.pdf"), std::string::npos);
  EXPECT_NE(ok.body.find("3 KB"), std::string::npos);
  EXPECT_EQ(server_.Get(Docs(), sam_).json().Find("documents")->size(), 1u);
  // A wrong type: the error summary links to the file input.
  const HttpResult bad = server_.Post(
      "/documents", Multipart("notes.pdf", "plain text", "", {{"csrf", csrf}}), With(who));
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(bad.body.find("href=\"#file\""), std::string::npos);
  // Signed out: to the sign-in page.
  EXPECT_EQ(server_.Get("/documents").status, 303);
  // The other parent's page does not list Sam's upload.
  const HttpResult alex_page = server_.Get("/documents", alex_);
  EXPECT_EQ(alex_page.status, 200);
  EXPECT_EQ(alex_page.body.find("tenancy.pdf"), std::string::npos);
}

}  // namespace
}  // namespace childmaint::testing
