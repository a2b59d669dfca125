// Tests for document_type.h (type from content, safe names, text checks) and document_files.h.
#include "api/document_type.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "api/document_files.h"

namespace childmaint::api {
namespace {

using std::string_view_literals::operator""sv;

TEST(SniffDocumentType, FromTheMagicBytes) {
  EXPECT_EQ(SniffDocumentType("%PDF-1.7\n%\xE2\xE3")->content_type, "application/pdf");
  EXPECT_EQ(SniffDocumentType("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"sv)->content_type, "image/png");
  EXPECT_EQ(SniffDocumentType("\xFF\xD8\xFF\xE0\0\x10JFIF"sv)->content_type, "image/jpeg");
  EXPECT_EQ(SniffDocumentType("\xFF\xD8\xFF")->extension, ".jpg");
}

TEST(SniffDocumentType, AnythingElseIsNothing) {
  EXPECT_FALSE(SniffDocumentType(""));
  EXPECT_FALSE(SniffDocumentType("%PDF"));             // too short
  EXPECT_FALSE(SniffDocumentType(" %PDF-1.4"));        // not at the start
  EXPECT_FALSE(SniffDocumentType("\x89PNG\r\n\x1a"));  // 7 of the 8 bytes
  EXPECT_FALSE(SniffDocumentType("\xFF\xD8"));         // 2 of the 3 bytes
  EXPECT_FALSE(SniffDocumentType("GIF89a"));
  EXPECT_FALSE(SniffDocumentType("<html><script>"));
  EXPECT_FALSE(SniffDocumentType("PK\x03\x04 a zip or docx"));
}

TEST(SafeFileName, KeepsPlainNames) {
  const DocumentType pdf = *SniffDocumentType("%PDF-");
  const DocumentType jpeg = *SniffDocumentType("\xFF\xD8\xFF");
  EXPECT_EQ(SafeFileName("payslip May (2025).pdf", pdf), "payslip May (2025).pdf");
  EXPECT_EQ(SafeFileName("SCAN.PDF", pdf), "SCAN.PDF");
  EXPECT_EQ(SafeFileName("photo.jpeg", jpeg), "photo.jpeg");
}

TEST(SafeFileName, StripsPathsQuotesAndControlCharacters) {
  const DocumentType pdf = *SniffDocumentType("%PDF-");
  EXPECT_EQ(SafeFileName("C:\\Users\\sam\\letter.pdf", pdf), "letter.pdf");
  EXPECT_EQ(SafeFileName("../../etc/passwd.pdf", pdf), "passwd.pdf");
  EXPECT_EQ(SafeFileName("a\"b\r\nc;d.pdf", pdf), "a_b__c_d.pdf");
  EXPECT_EQ(SafeFileName("..hidden.pdf", pdf), "hidden.pdf");
  EXPECT_EQ(SafeFileName("caf\xC3\xA9.pdf", pdf), "caf__.pdf");
  EXPECT_EQ(SafeFileName("", pdf), "document.pdf");
  EXPECT_EQ(SafeFileName("/", pdf), "document.pdf");
}

TEST(SafeFileName, TheExtensionFollowsTheContent) {
  const DocumentType png = *SniffDocumentType("\x89PNG\r\n\x1a\n");
  EXPECT_EQ(SafeFileName("scan.pdf", png), "scan.pdf.png");
  EXPECT_EQ(SafeFileName("page.html", png), "page.html.png");
  EXPECT_EQ(SafeFileName("noext", png), "noext.png");
}

TEST(SafeFileName, LongNamesAreCut) {
  const DocumentType pdf = *SniffDocumentType("%PDF-");
  const std::string kept = SafeFileName(std::string(300, 'a') + ".pdf", pdf);
  EXPECT_EQ(kept.size(), kMaxFileNameChars);
  EXPECT_TRUE(kept.ends_with(".pdf"));
  const std::string cut = SafeFileName(std::string(300, 'b') + ".txt", pdf);
  EXPECT_EQ(cut.size(), kMaxFileNameChars);
  EXPECT_TRUE(cut.ends_with("b.pdf"));
}

TEST(PrintableUtf8, AcceptsTextRefusesControlsAndBadBytes) {
  EXPECT_TRUE(PrintableUtf8("Payslip for May\r\nsecond line\tok"));
  EXPECT_TRUE(PrintableUtf8("caf\xC3\xA9 \xE2\x82\xAC 5 \xF0\x9F\x98\x80"));
  EXPECT_TRUE(PrintableUtf8(""));
  EXPECT_FALSE(PrintableUtf8("nul\0byte"sv));
  EXPECT_FALSE(PrintableUtf8("bell\x07"));
  EXPECT_FALSE(PrintableUtf8("del\x7F"));
  EXPECT_FALSE(PrintableUtf8("\xC3"));              // truncated
  EXPECT_FALSE(PrintableUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(PrintableUtf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(PrintableUtf8("\xF4\x90\x80\x80"));  // beyond U+10FFFF
  EXPECT_FALSE(PrintableUtf8("\xFF"));
  EXPECT_FALSE(PrintableUtf8("\xC2\x85"));  // C1 control (NEL)
}

class DocumentFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (std::filesystem::temp_directory_path() /
            ("cm_docs_test_" + std::to_string(::getpid())) / "store.documents")
               .string();
    std::filesystem::remove_all(std::filesystem::path(dir_).parent_path());
  }
  void TearDown() override {
    std::filesystem::remove_all(std::filesystem::path(dir_).parent_path());
  }
  static unsigned Mode(const std::string& path) {
    struct stat st {};
    ::stat(path.c_str(), &st);
    return st.st_mode & 0777U;
  }
  std::string dir_;
};

TEST_F(DocumentFilesTest, WritesPrivatelyAndReadsBack) {
  ASSERT_TRUE(PrepareDocumentsDir(dir_));
  EXPECT_EQ(Mode(dir_), 0700U);
  const std::string bytes("%PDF-1.4\0\xff binary", 17);
  ASSERT_TRUE(WriteDocumentFile(dir_, "abc_DEF-123", bytes));
  EXPECT_EQ(Mode(dir_ + "/abc_DEF-123"), 0600U);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/abc_DEF-123.partial"));
  const auto back = ReadDocumentFile(dir_, "abc_DEF-123");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, bytes);
  RemoveDocumentFile(dir_, "abc_DEF-123");
  const auto gone = ReadDocumentFile(dir_, "abc_DEF-123");
  ASSERT_FALSE(gone.has_value());
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
}

TEST_F(DocumentFilesTest, NamesCannotEscapeTheDirectory) {
  for (const char* name : {"../x", "a/b", "", ".", "..", "x y"}) {
    EXPECT_FALSE(WriteDocumentFile(dir_, name, "x")) << name;
    EXPECT_FALSE(ReadDocumentFile(dir_, name).has_value()) << name;
  }
  EXPECT_FALSE(WriteDocumentFile(dir_, std::string(65, 'a'), "x"));
}

TEST_F(DocumentFilesTest, NeverOverwrites) {
  ASSERT_TRUE(WriteDocumentFile(dir_, "same", "first"));
  ASSERT_TRUE(std::filesystem::exists(dir_ + "/same"));
  // A leftover temporary file makes a second write of the same name fail, not clobber.
  ASSERT_TRUE(WriteDocumentFile(dir_, "other", "x"));
  std::FILE* leftover = std::fopen((dir_ + "/again.partial").c_str(), "w");
  ASSERT_NE(leftover, nullptr);
  std::fclose(leftover);
  EXPECT_FALSE(WriteDocumentFile(dir_, "again", "y"));
  EXPECT_EQ(*ReadDocumentFile(dir_, "same"), "first");
}

}  // namespace
}  // namespace childmaint::api
