// Tests for multipart.h: the boundary, CRLF framing, missing and repeated parts, truncation.
#include "api/multipart.h"

#include <gtest/gtest.h>

namespace childmaint::api {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=XyZ";

std::string Part(std::string_view headers, std::string_view data) {
  return "--XyZ\r\n" + std::string(headers) + "\r\n\r\n" + std::string(data) + "\r\n";
}

std::string Body(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& p : parts) {
    out += p;
  }
  return out + "--XyZ--\r\n";
}

std::string FileHeaders(std::string_view filename = "a.pdf") {
  return "Content-Disposition: form-data; name=\"file\"; filename=\"" + std::string(filename) +
         "\"\r\nContent-Type: application/pdf";
}

void ExpectInvalid(std::string_view type, std::string_view body, std::string_view reason) {
  const auto r = ParseMultipart(type, body);
  ASSERT_FALSE(r.has_value()) << body;
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().reason, reason);
}

TEST(MultipartBoundary, FromTheContentType) {
  EXPECT_EQ(MultipartBoundary(kType), "XyZ");
  EXPECT_EQ(MultipartBoundary("Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b'c\""), "a b'c");
  EXPECT_EQ(MultipartBoundary("multipart/form-data;boundary=----WebKitFormBoundary7MA4YWxk"),
            "----WebKitFormBoundary7MA4YWxk");
}

TEST(MultipartBoundary, RefusesOtherTypesAndBadBoundaries) {
  EXPECT_FALSE(MultipartBoundary("application/json"));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data"));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary="));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=\"unclosed"));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=\"ends in space \""));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=has\x01control"));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'b')));
  EXPECT_TRUE(MultipartBoundary("multipart/form-data; boundary=" + std::string(70, 'b')));
  EXPECT_FALSE(MultipartBoundary("multipart/mixed; boundary=XyZ"));
}

TEST(ParseMultipart, FileAndDescription) {
  const std::string_view binary("%PDF-1.4\r\nbinary\x00\xff", 18);
  const std::string body =
      Body({Part(FileHeaders(), binary),
            Part("Content-Disposition: form-data; name=\"description\"", "My payslip")});
  const auto parts = ParseMultipart(kType, body);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  const MultipartPart* file = FindPart(*parts, "file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "a.pdf");
  EXPECT_EQ(file->content_type, "application/pdf");
  EXPECT_EQ(file->data, binary);
  const MultipartPart* d = FindPart(*parts, "description");
  ASSERT_NE(d, nullptr);
  EXPECT_FALSE(d->filename.has_value());
  EXPECT_EQ(d->data, "My payslip");
  EXPECT_EQ(FindPart(*parts, "other"), nullptr);
}

TEST(ParseMultipart, DataMayContainCrlfAndBoundaryLookalikes) {
  // "--XyZ" not preceded by CRLF, and CRLF followed by "--Xy", are data.
  const std::string data = "line\r\n--Xy\r\nmore --XyZ inline\r\n\r\n";
  const auto parts = ParseMultipart(kType, Body({Part(FileHeaders(), data)}));
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  EXPECT_EQ(parts->front().data, data);
}

TEST(ParseMultipart, EmptyPartAndEpilogueAndQuotedFilename) {
  const std::string body = Part(
                               "content-disposition: form-data; name=file; "
                               "filename=\"C:\\my %22scan%22; v2.pdf\"",
                               "") +
                           "--XyZ--\r\nthis epilogue is ignored";
  const auto parts = ParseMultipart(kType, body);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  EXPECT_EQ(parts->front().data, "");
  EXPECT_EQ(parts->front().filename, "C:\\my %22scan%22; v2.pdf");  // backslash: a character
}

TEST(ParseMultipart, NoBoundary) {
  ExpectInvalid("multipart/form-data", Body({Part(FileHeaders(), "x")}), "invalid_multipart");
  ExpectInvalid("application/x-www-form-urlencoded", "file=x", "invalid_multipart");
  ExpectInvalid("", "", "invalid_multipart");
}

TEST(ParseMultipart, WrongBoundaryOrPreamble) {
  ExpectInvalid("multipart/form-data; boundary=Other", Body({Part(FileHeaders(), "x")}),
                "invalid_multipart");
  ExpectInvalid(kType, "preamble\r\n" + Body({Part(FileHeaders(), "x")}), "invalid_multipart");
}

TEST(ParseMultipart, BareLineFeedsAreRefused) {
  std::string body = Body({Part(FileHeaders(), "x")});
  std::string lf;
  for (const char c : body) {
    if (c != '\r') {
      lf.push_back(c);
    }
  }
  ExpectInvalid(kType, lf, "invalid_multipart");
}

TEST(ParseMultipart, Truncated) {
  const std::string whole = Body({Part(FileHeaders(), "%PDF-1.4 data")});
  // Every proper prefix that cuts into the parts or the close delimiter is refused.
  const std::size_t close = whole.rfind("--XyZ--");
  for (std::size_t n = 0; n < close + 7; ++n) {
    const auto r = ParseMultipart(kType, whole.substr(0, n));
    EXPECT_FALSE(r.has_value()) << "prefix of " << n << " bytes";
  }
  EXPECT_TRUE(ParseMultipart(kType, whole.substr(0, close + 7)).has_value());
  ExpectInvalid(kType, "--XyZ", "invalid_multipart");
}

TEST(ParseMultipart, MissingOrBadDisposition) {
  ExpectInvalid(kType, Body({Part("Content-Type: text/plain", "x")}), "invalid_multipart");
  ExpectInvalid(kType, Body({Part("Content-Disposition: attachment; name=\"file\"", "x")}),
                "invalid_multipart");
  ExpectInvalid(kType, Body({Part("Content-Disposition: form-data; filename=\"a\"", "x")}),
                "invalid_multipart");
  ExpectInvalid(kType, Body({Part("Content-Disposition: form-data; name=\"a", "x")}),
                "invalid_multipart");
  ExpectInvalid(kType, Body({Part("no colon here", "x")}), "invalid_multipart");
  ExpectInvalid(
      kType,
      Body({Part("Content-Disposition: form-data; name=\"file\"; filename=\"a\"b.pdf\"", "x")}),
      "invalid_multipart");  // a raw quote inside a quoted value
  ExpectInvalid(kType, "--XyZ\r\n\r\nx\r\n--XyZ--", "invalid_multipart");
}

TEST(ParseMultipart, DuplicatePartsAreRefusedNamingThePart) {
  const auto r = ParseMultipart(kType, Body({Part(FileHeaders(), "a"), Part(FileHeaders(), "b")}));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().reason, "duplicate_part");
  EXPECT_EQ(r.error().field, "file");
}

TEST(ParseMultipart, Limits) {
  std::string many;
  for (std::size_t i = 0; i <= kMaxParts; ++i) {
    many += Part("Content-Disposition: form-data; name=\"p" + std::to_string(i) + "\"", "v");
  }
  ExpectInvalid(kType, many + "--XyZ--", "invalid_multipart");
  const std::string long_header = "Content-Disposition: form-data; name=\"file\"\r\nX-Pad: " +
                                  std::string(kMaxPartHeaderBytes, 'p');
  ExpectInvalid(kType, Body({Part(long_header, "x")}), "invalid_multipart");
}

}  // namespace
}  // namespace childmaint::api
