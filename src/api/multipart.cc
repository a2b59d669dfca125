#include "api/multipart.h"

#include <algorithm>
#include <cctype>

namespace childmaint::api {

namespace {

constexpr std::size_t kMaxBoundary = 70;  // RFC 2046 §5.1.1
constexpr std::string_view kCrlf = "\r\n";
constexpr std::string_view kDash = "--";

Error Bad(std::string message) {
  return Error::Make(ErrorCode::kInvalidArgument, "invalid_multipart", std::move(message), "body");
}

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool SameText(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return Lower(x) == Lower(y); });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

// RFC 2046 bchars: DIGIT / ALPHA / ' ( ) + _ , - . / : = ? and space (not last).
bool BoundaryChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

struct Param {
  std::string name;  // lower case
  std::string value;
};

// "type; a=b; c=\"d;e\"": the type (trimmed) and its parameters, or nothing when malformed.
std::optional<std::pair<std::string, std::vector<Param>>> SplitParams(std::string_view s) {
  const auto semi = s.find(';');
  std::pair<std::string, std::vector<Param>> out;
  out.first = std::string(Trim(s.substr(0, semi)));
  std::size_t i = semi == std::string_view::npos ? s.size() : semi;
  while (i < s.size()) {
    ++i;  // past ';'
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
      ++i;
    }
    const auto eq = s.find('=', i);
    if (eq == std::string_view::npos) {
      return std::nullopt;
    }
    Param p;
    for (const char c : Trim(s.substr(i, eq - i))) {
      p.name.push_back(Lower(c));
    }
    i = eq + 1;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
      ++i;
    }
    if (i < s.size() && s[i] == '"') {
      // A quoted string. As browsers send it (WHATWG HTML, multipart/form-data encoding), a
      // backslash is itself, not an escape ("C:\\scan.pdf"), and a quote inside is sent as %22.
      ++i;
      bool closed = false;
      for (; i < s.size(); ++i) {
        if (s[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          p.value.push_back(s[i]);
        }
      }
      if (!closed) {
        return std::nullopt;
      }
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
        ++i;
      }
      if (i < s.size() && s[i] != ';') {
        return std::nullopt;
      }
    } else {
      const auto end = std::min(s.find(';', i), s.size());
      p.value = std::string(Trim(s.substr(i, end - i)));
      i = end;
    }
    if (p.name.empty()) {
      return std::nullopt;
    }
    out.second.push_back(std::move(p));
  }
  return out;
}

// One part's header block (lines without their CRLFs) into `part`.
Status ReadPartHeaders(std::string_view block, MultipartPart& part) {
  bool disposition = false;
  while (!block.empty()) {
    const auto eol = block.find(kCrlf);
    const std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + kCrlf.size());
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || line.front() == ' ' ||
        line.front() == '\t') {
      return Bad("a part has a malformed header line");
    }
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = Trim(line.substr(colon + 1));
    if (SameText(name, "content-type")) {
      part.content_type = std::string(value);
    } else if (SameText(name, "content-disposition")) {
      if (disposition) {
        return Bad("a part has two Content-Disposition headers");
      }
      disposition = true;
      const auto split = SplitParams(value);
      if (!split || !SameText(split->first, "form-data")) {
        return Bad("a part's Content-Disposition is not form-data");
      }
      for (const Param& p : split->second) {
        if (p.name == "name") {
          part.name = p.value;
        } else if (p.name == "filename") {
          part.filename = p.value;
        }
      }
    }
  }
  if (!disposition || part.name.empty()) {
    return Bad("a part has no Content-Disposition with a name");
  }
  return Ok();
}

}  // namespace

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
  const auto split = SplitParams(content_type);
  if (!split || !SameText(split->first, "multipart/form-data")) {
    return std::nullopt;
  }
  for (const Param& p : split->second) {
    if (p.name != "boundary") {
      continue;
    }
    if (p.value.empty() || p.value.size() > kMaxBoundary || p.value.back() == ' ' ||
        !std::all_of(p.value.begin(), p.value.end(), BoundaryChar)) {
      return std::nullopt;
    }
    return p.value;
  }
  return std::nullopt;
}

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type,
                                                  std::string_view body) {
  const auto boundary = MultipartBoundary(content_type);
  if (!boundary) {
    return Bad("the body must be multipart/form-data with a boundary");
  }
  const std::string first = std::string(kDash) + *boundary;
  const std::string delimiter = std::string(kCrlf) + first;
  if (!body.starts_with(first)) {
    return Bad("the body does not begin with the boundary");
  }
  std::vector<MultipartPart> parts;
  std::size_t pos = first.size();
  for (;;) {
    const std::string_view after = body.substr(std::min(pos, body.size()), 2);
    if (after == kDash) {
      return parts;  // the close delimiter; any epilogue is ignored
    }
    if (after != kCrlf) {
      return Bad(after.size() < 2 ? "the body ends before the closing boundary"
                                  : "a boundary is not followed by CRLF");
    }
    pos += kCrlf.size();
    if (parts.size() == kMaxParts) {
      return Bad("the body has more than " + std::to_string(kMaxParts) + " parts");
    }
    const auto headers_end = body.find("\r\n\r\n", pos);
    if (body.substr(pos).starts_with(kCrlf) || headers_end == std::string_view::npos) {
      return Bad(headers_end == std::string_view::npos ? "the body ends inside a part's headers"
                                                       : "a part has no headers");
    }
    if (headers_end - pos > kMaxPartHeaderBytes) {
      return Bad("a part's headers are too long");
    }
    MultipartPart part;
    CMS_TRY(ReadPartHeaders(body.substr(pos, headers_end - pos), part));
    const std::size_t data_start = headers_end + 4;
    const auto end = body.find(delimiter, data_start);
    if (end == std::string_view::npos) {
      return Bad("the body ends before the closing boundary");
    }
    part.data = body.substr(data_start, end - data_start);
    if (FindPart(parts, part.name) != nullptr) {
      return Error::Make(ErrorCode::kInvalidArgument, "duplicate_part",
                         "the form has more than one part named " + part.name, part.name);
    }
    parts.push_back(std::move(part));
    pos = end + delimiter.size();
  }
}

const MultipartPart* FindPart(const std::vector<MultipartPart>& parts, std::string_view name) {
  for (const MultipartPart& p : parts) {
    if (p.name == name) {
      return &p;
    }
  }
  return nullptr;
}

}  // namespace childmaint::api
