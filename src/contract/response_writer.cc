#include "contract/response_writer.h"

#include <charconv>
#include <chrono>
#include <cstring>
#include <experimental/simd>

#include "calc/sch1_para7_shared_care.h"

namespace childmaint::contract {

namespace {

// Room reserved per piece of a response (upper bounds; see Bound()).
constexpr std::size_t kMaxIntChars = 20;          // "-9223372036854775808"
constexpr std::size_t kEscapedPerByte = 6;        // "\u001f"
constexpr std::size_t kResponseFixed = 512;       // the top-level keys, two dates, four amounts
constexpr std::size_t kPerReceivingParent = 384;  // keys, five amounts, quotes
constexpr std::size_t kPerChild = 192;            // keys, band label and fraction, quotes
constexpr std::size_t kPerStep = 96;              // keys, amount, quotes

std::size_t EscapedBound(std::string_view s) { return kEscapedPerByte * s.size() + 2; }

// Eight bytes at once: does any need escaping (below 0x20, '"' or '\\')? Exact: no false answers.
bool NeedsEscape(std::uint64_t x) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  const std::uint64_t quote = x ^ (kOnes * '"');
  const std::uint64_t backslash = x ^ (kOnes * '\\');
  const std::uint64_t control = (x - kOnes * 0x20) & ~x;
  return (((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) | control) & kHigh;
}

// A block of bytes at once, as the CPU's vectors allow (16 with SSE2).
using Bytes = std::experimental::native_simd<unsigned char>;
constexpr std::size_t kLanes = Bytes::size();

bool NeedsEscape(const char* block) {
  const Bytes v(reinterpret_cast<const unsigned char*>(block), std::experimental::element_aligned);
  constexpr unsigned char kSpace = 0x20;
  constexpr unsigned char kQuote = '"';
  constexpr unsigned char kBackslash = '\\';
  return std::experimental::any_of(v < Bytes(kSpace) || v == Bytes(kQuote) ||
                                   v == Bytes(kBackslash));
}

std::uint64_t Word(const char* at) {
  std::uint64_t x = 0;
  std::memcpy(&x, at, 8);
  return x;
}

char* EscapeByte(char* w, char ch) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto c = static_cast<unsigned char>(ch);
  if (c >= 0x20 && c != '"' && c != '\\') {
    *w++ = ch;  // UTF-8 passes through
    return w;
  }
  *w++ = '\\';
  switch (c) {
    case '"':
    case '\\':
      *w++ = ch;
      break;
    case '\n':
      *w++ = 'n';
      break;
    case '\r':
      *w++ = 'r';
      break;
    case '\t':
      *w++ = 't';
      break;
    default:
      std::memcpy(w, "u00", 3);
      w += 3;
      *w++ = kHex[c >> 4];
      *w++ = kHex[c & 0xF];
  }
  return w;
}

// Writes s as a JSON string literal at w (room: EscapedBound(s)); returns the end.
char* Escaped(char* w, std::string_view s) {
  *w++ = '"';
  const char* in = s.data();
  const std::size_t n = s.size();
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {  // the common case: nothing to escape in a block
    if (!NeedsEscape(in + i)) {
      std::memcpy(w, in + i, kLanes);
      w += kLanes;
      continue;
    }
    for (std::size_t k = i; k < i + kLanes; ++k) {
      w = EscapeByte(w, in[k]);
    }
  }
  for (; i + 8 <= n; i += 8) {
    if (!NeedsEscape(Word(in + i))) {
      std::memcpy(w, in + i, 8);
      w += 8;
      continue;
    }
    for (std::size_t k = i; k < i + 8; ++k) {
      w = EscapeByte(w, in[k]);
    }
  }
  // The last few bytes: clean if the final whole block (or word) that ends with them is.
  const std::size_t rest = n - i;
  if (rest > 0 && ((n >= kLanes && !NeedsEscape(in + n - kLanes)) ||
                   (n >= 8 && n < kLanes && !NeedsEscape(Word(in + n - 8))))) {
    std::memcpy(w, in + i, rest);
    w += rest;
    i = n;
  }
  for (; i < n; ++i) {
    w = EscapeByte(w, in[i]);
  }
  *w++ = '"';
  return w;
}

// Writes into room already reserved: constant text, numbers, escaped strings.
struct Cursor {
  char* p;
  template <std::size_t N>
  void Text(const char (&s)[N]) {  // a literal, without its terminating zero
    std::memcpy(p, s, N - 1);
    p += N - 1;
  }
  void Text(std::string_view s) {
    std::memcpy(p, s.data(), s.size());
    p += s.size();
  }
  void Comma(bool wanted) {
    if (wanted) {
      *p++ = ',';
    }
  }
  void Int(std::int64_t v) { p = std::to_chars(p, p + kMaxIntChars, v).ptr; }
  void String(std::string_view s) { p = Escaped(p, s); }
  void Iso(Date d) {  // YYYY-MM-DD (the contract's years have four digits)
    const std::chrono::year_month_day v = d.ymd();
    Digits(static_cast<int>(v.year()), 4);
    *p++ = '-';
    Digits(static_cast<int>(static_cast<unsigned>(v.month())), 2);
    *p++ = '-';
    Digits(static_cast<int>(static_cast<unsigned>(v.day())), 2);
  }
  void Digits(int v, int width) {  // zero-padded
    for (int i = width - 1; i >= 0; --i) {
      p[i] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
    p += width;
  }
};

// The band's fraction in the contract's text: "0/7" for none, else num/den.
void Fraction(Cursor& w, std::uint8_t band, const law::LawInForce& law) {
  if (band == 0) {
    w.Text("0/7");
    return;
  }
  const Rate f = law.bands[band].fraction;
  w.Int(f.num());
  w.Text("/");
  w.Int(f.den());
}

// An upper bound on the bytes WriteResponse appends.
std::size_t Bound(const calc::Request& req, const calc::Trace* trace) {
  std::size_t n = kResponseFixed;
  for (const calc::ReceivingParent& rp : req.receiving_parents) {
    n += kPerReceivingParent + EscapedBound(rp.id);
  }
  for (const calc::Child& c : req.children) {
    n += kPerChild + EscapedBound(c.id);
  }
  if (trace != nullptr && trace->enabled()) {
    for (const calc::Step& s : trace->steps()) {
      n += kPerStep + EscapedBound(s.citation) + EscapedBound(trace->Description(s));
    }
  }
  return n;
}

void Write(const calc::Request& req, const calc::Result& res, const calc::Trace* trace, Cursor& w) {
  const law::LawInForce& law = *res.law;
  w.Text("{\"effective_date\":\"");
  w.Iso(req.effective_date);
  w.Text("\",\"rules_version\":\"");
  w.Iso(res.rules_version);
  w.Text("\",\"rate\":\"");
  w.Text(calc::kRateNames[static_cast<std::size_t>(res.rate)]);
  w.Text("\",\"gross_weekly_income_pence\":");
  w.Int(res.gross_weekly_income.pence());
  w.Text(",\"income_used_pence\":");
  w.Int(res.income_used.pence());
  w.Text(",\"weekly_amount_before_shared_care_pence\":");
  w.Int(res.weekly_amount_before_shared_care.pence());
  w.Text(",\"weekly_liability_pence\":");
  w.Int(res.weekly_liability.pence());
  w.Text(",\"receiving_parents\":[");
  for (std::size_t i = 0; i < req.receiving_parents.size(); ++i) {
    const calc::ReceivingParent& rp = req.receiving_parents[i];
    const calc::ReceivingParentResult& r = res.receiving_parents[i];
    w.Comma(i > 0);
    w.Text("{\"id\":");
    w.String(rp.id);
    w.Text(",\"weekly_pence\":");
    w.Int(r.weekly.pence());
    w.Text(",\"children\":[");
    for (std::size_t c = rp.first_child; c < rp.first_child + rp.child_count; ++c) {
      w.Comma(c > rp.first_child);
      w.Text("{\"id\":");
      w.String(req.children[c].id);
      w.Text(",\"shared_care_band\":\"");
      w.p = calc::WriteBandLabel(w.p, res.child_band[c], law);
      w.Text("\",\"shared_care_fraction\":\"");
      Fraction(w, res.child_band[c], law);
      w.Text("\"}");
    }
    w.Text("],\"paying_parent_fee_pence\":");
    w.Int(r.paying_parent_fee.pence());
    w.Text(",\"receiving_parent_fee_pence\":");
    w.Int(r.receiving_parent_fee.pence());
    w.Text(",\"paying_parent_pays_pence\":");
    w.Int(r.paying_parent_pays.pence());
    w.Text(",\"receiving_parent_gets_pence\":");
    w.Int(r.receiving_parent_gets.pence());
    w.Text("}");
  }
  w.Text("]");
  if (trace != nullptr && trace->enabled()) {
    w.Text(",\"steps\":[");
    bool first = true;
    for (const calc::Step& s : trace->steps()) {
      w.Comma(!first);
      w.Text("{\"citation\":");
      first = false;
      w.String(s.citation);
      w.Text(",\"description\":");
      w.String(trace->Description(s));
      if (s.has_amount) {
        w.Text(",\"amount_pence\":");
        w.Int(s.amount_pence);
      }
      w.Text("}");
    }
    w.Text("]");
  }
  w.Text("}");
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  const std::size_t at = out.size();
  out.resize_and_overwrite(at + EscapedBound(s), [&](char* p, std::size_t) {
    return static_cast<std::size_t>(Escaped(p + at, s) - p);
  });
}

void WriteResponse(const calc::Request& req, const calc::Result& res, const calc::Trace* trace,
                   std::string& out) {
  const std::size_t at = out.size();
  out.resize_and_overwrite(at + Bound(req, trace), [&](char* p, std::size_t) {
    Cursor w{p + at};
    Write(req, res, trace, w);
    return static_cast<std::size_t>(w.p - p);
  });
}

void WriteError(const Error& error, std::string& out) {
  out.append("{\"error\":{\"code\":");
  AppendJsonString(out, error.reason);
  out.append(",\"field\":");
  AppendJsonString(out, error.field);
  out.append(",\"message\":");
  AppendJsonString(out, error.message);
  out.append("}}");
}

}  // namespace childmaint::contract
