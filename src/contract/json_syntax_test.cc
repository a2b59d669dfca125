// File: json_syntax_test.cc — tests for CheckJsonSyntax(): grammar rules (positive and negative),
// UTF-8 and escape edge cases, depth limits, large inputs, and a differential test against an
// independent recursive reference parser on randomly generated and mutated documents.
#include "contract/json_syntax.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <ostream>
#include <random>
#include <string>
#include <string_view>

namespace childmaint::contract {

void PrintTo(JsonSyntax value, std::ostream* os) {
  switch (value) {
    case JsonSyntax::kValid:
      *os << "kValid";
      return;
    case JsonSyntax::kInvalid:
      *os << "kInvalid";
      return;
    case JsonSyntax::kTooDeep:
      *os << "kTooDeep";
      return;
  }
  *os << "JsonSyntax(" << static_cast<int>(value) << ")";
}

namespace {

constexpr int kDepth = 64;  // Default max_depth for tests that are not about depth.
constexpr std::size_t kLargeSize = 3 * 1024 * 1024;

// A string_view over a literal that keeps embedded NUL bytes.
template <std::size_t N>
constexpr std::string_view Bytes(const char (&literal)[N]) {
  return std::string_view(literal, N - 1);
}

std::string Printable(std::string_view text) {
  constexpr std::size_t kMaxShown = 120;
  std::string out;
  for (std::size_t i = 0; i < text.size() && i < kMaxShown; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += static_cast<char>(c);
    } else {
      constexpr std::string_view kHex = "0123456789ABCDEF";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  if (text.size() > kMaxShown) {
    out += "... (" + std::to_string(text.size()) + " bytes)";
  }
  return out;
}

// Checks a copy of `text` in a heap buffer of exactly text.size() bytes (no terminating NUL), so
// that AddressSanitizer builds catch any read past the end of the view.
::testing::AssertionResult Gives(JsonSyntax expected, std::string_view text,
                                 int max_depth = kDepth) {
  const auto exact = std::make_unique<char[]>(text.size());
  std::copy(text.begin(), text.end(), exact.get());
  const JsonSyntax actual = CheckJsonSyntax(std::string_view(exact.get(), text.size()), max_depth);
  if (actual == expected) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "CheckJsonSyntax(\"" << Printable(text) << "\", "
                                       << max_depth << ") = " << ::testing::PrintToString(actual)
                                       << ", expected " << ::testing::PrintToString(expected);
}

void ExpectAll(JsonSyntax expected, std::initializer_list<std::string_view> texts,
               int max_depth = kDepth) {
  for (std::string_view text : texts) {
    EXPECT_TRUE(Gives(expected, text, max_depth));
  }
}

void ExpectValid(std::initializer_list<std::string_view> texts) {
  ExpectAll(JsonSyntax::kValid, texts);
}
void ExpectInvalid(std::initializer_list<std::string_view> texts) {
  ExpectAll(JsonSyntax::kInvalid, texts);
}

// `"` + content + `"`.
std::string Quoted(std::string_view content) {
  std::string s = "\"";
  s += content;
  s += '"';
  return s;
}

std::string NestedArrays(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']');
}

std::string NestedObjects(int depth) {  // {"k":{"k":...{"k":0}...}}
  std::string s;
  for (int i = 0; i < depth; ++i) {
    s += "{\"k\":";
  }
  s += "0";
  s += std::string(static_cast<std::size_t>(depth), '}');
  return s;
}

std::string NestedMixed(int depth) {  // [{"k":[{"k":...}]}]
  std::string open;
  std::string close;
  for (int i = 0; i < depth; ++i) {
    open += i % 2 == 0 ? "[" : "{\"k\":";
    close += i % 2 == 0 ? ']' : '}';
  }
  std::reverse(close.begin(), close.end());
  return open + "null" + close;
}

// ---------------------------------------------------------------------------------------------
// Top level, whitespace, literals.

TEST(JsonSyntaxTopLevelTest, ScalarsAreValidDocuments) {
  ExpectValid({"0", "-0", "1", "-1", "1.5", "1e3", "\"\"", "\"a\"", "true", "false", "null"});
}

TEST(JsonSyntaxTopLevelTest, ContainersAreValidDocuments) { ExpectValid({"{}", "[]"}); }

TEST(JsonSyntaxTopLevelTest, EmptyAndWhitespaceOnlyAreInvalid) {
  ExpectInvalid({"", " ", "\t", "\n", "\r", " \t\n\r ", "\r\n\r\n"});
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, std::string_view()));
}

TEST(JsonSyntaxTopLevelTest, JsonWhitespaceAroundValueIsAllowed) {
  ExpectValid({" 1", "1 ", " 1 ", "\t1\t", "\n1\n", "\r1\r", " \t\n\r{} \t\n\r", "\r\n[]\r\n",
               "  \"x\"  ", "\ntrue\n"});
}

TEST(JsonSyntaxTopLevelTest, NonJsonWhitespaceIsInvalid) {
  ExpectInvalid({"\f1", "1\f", "\v1", "1\v", "\f[]", "[\f]", "{\v}", "[1,\f2]",
                 "\xC2\xA0"
                 "1",              // U+00A0 NO-BREAK SPACE
                 "1\xE2\x80\xA8",  // U+2028 LINE SEPARATOR
                 "\xE3\x80\x80"
                 "[]"});  // U+3000 IDEOGRAPHIC SPACE
}

TEST(JsonSyntaxTopLevelTest, WhitespaceBetweenAllTokens) {
  ExpectValid({" { \"a\" : [ 1 , { } , [ ] , \"s\" , true , false , null ] , \"b\" : { } } ",
               "{\n\t\"a\"\n:\n1\r\n,\r\n\"b\"\t:\t2\n}", "[\n]", "{\n}", "[ 1 ,\t2\n,\r3 ]"});
}

TEST(JsonSyntaxLiteralTest, ExactLiteralsAreValid) {
  ExpectValid(
      {"true", "false", "null", "[true,false,null]", "{\"t\":true,\"f\":false,\"n\":null}"});
}

TEST(JsonSyntaxLiteralTest, MisspelledOrTruncatedLiteralsAreInvalid) {
  ExpectInvalid({"t",    "tr",    "tru",  "f",     "fa",          "fal",       "fals",
                 "n",    "nu",    "nul",  "True",  "TRUE",        "False",     "FALSE",
                 "Null", "NULL",  "nil",  "none",  "None",        "undefined", "tRue",
                 "trUe", "falsE", "nulL", "[tru]", "{\"a\":nul}", "[fals,1]"});
}

TEST(JsonSyntaxLiteralTest, LiteralsWithTrailingCharactersAreInvalid) {
  ExpectInvalid({"truee", "true1", "truex", "falsey", "false0", "nulll", "null_", "truefalse",
                 "nulltrue", "[truex]", "[true false]", "{\"a\":nullnull}", "true\"\"", "null{}",
                 "true[]"});
}

// ---------------------------------------------------------------------------------------------
// Numbers.

TEST(JsonSyntaxNumberTest, IntegersAreValid) {
  ExpectValid({"0", "-0", "1", "9", "-9", "10", "123", "-123", "1234567890", "-9876543210",
               "99999999999999999999999999999999999999999999999999999999999999"});
}

TEST(JsonSyntaxNumberTest, LeadingZerosAreInvalid) {
  ExpectInvalid({"00", "01", "007", "-00", "-01", "-007", "00.5", "01.5", "00e1", "[01]",
                 "{\"a\":00}", "[0,01]"});
}

TEST(JsonSyntaxNumberTest, SignRules) {
  ExpectInvalid({"+1", "+0", "+", "-", "--1", "-+1", "+-1", "- 1", "-\t1", "1-", "1+", "[-]",
                 "[+1]", "{\"a\":-}", "-a", "-.5", "-e5", "-true"});
  ExpectValid({"-0", "-1", "-0.0", "-0e0", "-1.5e-5"});
}

TEST(JsonSyntaxNumberTest, FractionsAreValid) {
  ExpectValid({"0.0", "0.5", "-0.5", "1.5", "3.14159", "10.01", "1.000", "123.456",
               "0.00000000000000000000000001"});
}

TEST(JsonSyntaxNumberTest, MalformedFractionsAreInvalid) {
  ExpectInvalid({".5", ".0", "1.", "0.", "-1.", "1..2", "1.2.3", "1.e5", "1.E5", "0.e1", "1.-2",
                 "1.+2", "1. 5", "1 .5", "[1.]", "{\"a\":.5}", "[.5]", "1.a", "1,5"});
}

TEST(JsonSyntaxNumberTest, ExponentsAreValid) {
  ExpectValid({"1e5", "1E5", "1e+5", "1E+5", "1e-5", "1E-5", "0e0", "0E0", "-0e-0", "1.5e10",
               "1.5E+10", "-1.5e-10", "1e007", "1e00", "2e308", "1e-400", "0.1e1"});
}

TEST(JsonSyntaxNumberTest, MalformedExponentsAreInvalid) {
  ExpectInvalid({"1e",    "1E",    "1e+",  "1e-",   "1E+",   "1E-",         "e5",   "E5",
                 "1e5.5", "1ee5",  "1eE5", "1e+-5", "1e-+5", "1e++5",       "1e 5", "1e+ 5",
                 "1e5e5", "1e5E5", "1.5e", "-e",    "[1e]",  "{\"a\":1e+}", "1e5.", "1e0x1"});
}

TEST(JsonSyntaxNumberTest, NonFiniteAndOtherNotationsAreInvalid) {
  ExpectInvalid(
      {"NaN",          "nan",  "-NaN", "Infinity", "-Infinity", "+Infinity", "infinity",
       "inf",          "-inf", "0x10", "0X10",     "0b101",     "0o17",      "1_000",
       "1,000",        "01e1", "1f",   "1d",       "1L",        "[NaN]",     "{\"a\":Infinity}",
       "\xEF\xBC\x91",  // U+FF11 FULLWIDTH DIGIT ONE
       "\xD9\xA1"});    // U+0661 ARABIC-INDIC ONE
}

TEST(JsonSyntaxNumberTest, NumbersFollowedByDelimitersAreValid) {
  ExpectValid({"[1,2]", "[1]", "{\"a\":1}", "[0,-0,1.5,1e1,-2.5E-3]", "[0 ]", "{\"a\":0 }", "[1\n]",
               "[1\t,2]", "[1\r]"});
  ExpectInvalid({"[1 2]", "1 2", "[0 1]", "0 0", "[1:2]", "{\"a\":1:2}"});
}

// ---------------------------------------------------------------------------------------------
// Strings.

TEST(JsonSyntaxStringTest, PlainStringsAreValid) {
  ExpectValid({"\"\"", "\"a\"", "\"hello world\"", "\" \"", "\"'single'\"", "\"{}[],:\"", "\"/\"",
               "\"\x7F\"",  // DEL is allowed unescaped.
               "\"true\"", "\"123\""});
}

TEST(JsonSyntaxStringTest, UnterminatedStringsAreInvalid) {
  ExpectInvalid({"\"", "\"abc", "\"abc\\\"", "[\"a]", "{\"a\":\"b}", "{\"a", "[\"\\", "\"\\u00"});
}

TEST(JsonSyntaxStringTest, SingleQuotesAndBareWordsAreNotStrings) {
  ExpectInvalid({"'a'", "['a']", "{'a':1}", "{a:1}", "abc", "[abc]", "`a`"});
}

TEST(JsonSyntaxStringTest, EveryUnescapedControlCharacterIsInvalid) {
  for (int c = 0; c < 0x20; ++c) {
    const std::string text = Quoted(std::string(1, static_cast<char>(c)));
    EXPECT_TRUE(Gives(JsonSyntax::kInvalid, text)) << "byte " << c;
    EXPECT_TRUE(
        Gives(JsonSyntax::kInvalid, "[\"ab" + std::string(1, static_cast<char>(c)) + "\"]"));
    EXPECT_TRUE(Gives(JsonSyntax::kInvalid, "{" + text + ":1}")) << "in key, byte " << c;
  }
  EXPECT_TRUE(Gives(JsonSyntax::kValid, Quoted(" ")));
}

TEST(JsonSyntaxStringTest, EverySingleByteStringContent) {
  for (int b = 0; b < 256; ++b) {
    const std::string text = Quoted(std::string(1, static_cast<char>(b)));
    const bool plain = b >= 0x20 && b < 0x80 && b != '"' && b != '\\';
    EXPECT_TRUE(Gives(plain ? JsonSyntax::kValid : JsonSyntax::kInvalid, text)) << "byte " << b;
  }
}

TEST(JsonSyntaxStringTest, EscapedControlCharactersAreValid) {
  ExpectValid(
      {"\"\\u0000\"", "\"\\u001f\"", "\"\\u001F\"", "\"\\n\\r\\t\\b\\f\"", "\"a\\u0000b\""});
}

TEST(JsonSyntaxStringTest, StringsAsKeysAndValues) {
  ExpectValid({"{\"\":\"\"}", "{\"a b\":\"c d\"}", "{\"\\u00e9\":\"\\n\"}", "[\"a\",\"b\"]",
               "{\"k\\\"ey\":1}"});
}

// ---------------------------------------------------------------------------------------------
// Escapes.

TEST(JsonSyntaxEscapeTest, EachSimpleEscapeIsValid) {
  ExpectValid({"\"\\\"\"", "\"\\\\\"", "\"\\/\"", "\"\\b\"", "\"\\f\"", "\"\\n\"", "\"\\r\"",
               "\"\\t\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"a\\nb\\tc\""});
}

TEST(JsonSyntaxEscapeTest, EveryByteAfterBackslash) {
  constexpr std::string_view kSimple = "\"\\/bfnrt";
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    std::string text = "\"\\";
    text += c;
    text += '"';
    const bool ok = kSimple.find(c) != std::string_view::npos;
    EXPECT_TRUE(Gives(ok ? JsonSyntax::kValid : JsonSyntax::kInvalid, text)) << "byte " << b;
  }
}

TEST(JsonSyntaxEscapeTest, UnknownEscapesAreInvalid) {
  ExpectInvalid({"\"\\a\"", "\"\\v\"", "\"\\e\"", "\"\\x41\"", "\"\\'\"", "\"\\0\"", "\"\\1\"",
                 "\"\\U0041\"", "\"\\N\"", "\"\\ \"", "\"\\B\"", "\"\\T\""});
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, Bytes("\"\\\0\"")));
}

TEST(JsonSyntaxEscapeTest, BackslashAtEndIsInvalid) {
  ExpectInvalid({"\"\\", "\"abc\\", "\"\\\"", "[\"\\\"]", "{\"\\\":1}"});
}

TEST(JsonSyntaxEscapeTest, UnicodeEscapesAreValid) {
  ExpectValid({"\"\\u0041\"", "\"\\u00e9\"", "\"\\u00E9\"", "\"\\uFFFF\"", "\"\\uffff\"",
               "\"\\u0000\"", "\"\\uabcd\"", "\"\\uABCD\"", "\"\\uAbCd\"", "\"\\u20AC\"",
               "\"\\uD7FF\"", "\"\\uE000\"", "\"\\u0041\\u0042\"", "\"x\\u0041y\"",
               "{\"\\u0041\":\"\\u0042\"}"});
}

TEST(JsonSyntaxEscapeTest, MalformedUnicodeEscapesAreInvalid) {
  ExpectInvalid({"\"\\u\"",     "\"\\u1\"",    "\"\\u12\"",   "\"\\u123\"",  "\"\\u123g\"",
                 "\"\\uGGGG\"", "\"\\u-123\"", "\"\\u 123\"", "\"\\u+123\"", "\"\\u12 3\"",
                 "\"\\uxyz0\"", "\"\\u0x41\"", "\"\\u",       "\"\\u1",      "\"\\u12",
                 "\"\\u123",    "\"\\u1234",   "\"\\U1234\"", "\"\\u{41}\"", "\"\\u004\""});
}

TEST(JsonSyntaxEscapeTest, EveryNonSurrogateCodeUnitIsValidAndEverySurrogateAloneIsInvalid) {
  constexpr std::string_view kHex = "0123456789abcdef";
  for (int unit = 0; unit <= 0xFFFF; ++unit) {
    std::string text = "\"\\u";
    for (int shift = 12; shift >= 0; shift -= 4) {
      text += kHex[static_cast<std::size_t>((unit >> shift) & 0xF)];
    }
    text += '"';
    const bool surrogate = unit >= 0xD800 && unit <= 0xDFFF;
    ASSERT_TRUE(Gives(surrogate ? JsonSyntax::kInvalid : JsonSyntax::kValid, text));
  }
}

// ---------------------------------------------------------------------------------------------
// Surrogate escapes.

TEST(JsonSyntaxSurrogateTest, PairedSurrogatesAreValid) {
  ExpectValid({"\"\\uD83D\\uDE00\"", "\"\\ud83d\\ude00\"", "\"\\uD83d\\uDe00\"",
               "\"\\ud83D\\uDE00\"", "\"\\uD800\\uDC00\"", "\"\\uDBFF\\uDFFF\"",
               "\"\\uD800\\uDFFF\"", "\"\\uDBFF\\uDC00\"", "\"a\\uD83D\\uDE00b\"",
               "\"\\uD83D\\uDE00\\uD83D\\uDE00\"", "{\"\\uD834\\uDD1E\":[\"\\uD834\\uDD1E\"]}"});
}

TEST(JsonSyntaxSurrogateTest, LoneHighSurrogateIsInvalid) {
  ExpectInvalid({"\"\\uD800\"", "\"\\uDBFF\"", "\"\\ud800\"", "\"\\uD83D\"", "\"\\uD800abc\"",
                 "\"abc\\uD800\"", "[\"\\uD800\"]", "{\"\\uD800\":1}", "\"\\uD800", "\"\\uD800\\",
                 "\"\\uD800\\u"});
}

TEST(JsonSyntaxSurrogateTest, LoneLowSurrogateIsInvalid) {
  ExpectInvalid({"\"\\uDC00\"", "\"\\uDFFF\"", "\"\\udc00\"", "\"\\uDE00\"", "\"a\\uDC00b\"",
                 "[\"\\uDC00\"]", "\"\\uDC00\\uD800\"", "\"\\uDE00\\uD83D\"",
                 "\"\\uD83D\\uDE00\\uDE00\""});
}

TEST(JsonSyntaxSurrogateTest, HighSurrogateFollowedByNonLowIsInvalid) {
  ExpectInvalid({"\"\\uD800\\u0041\"", "\"\\uD800\\uD800\"", "\"\\uD800\\uDBFF\"",
                 "\"\\uD800\\uE000\"", "\"\\uD800\\uFFFF\"", "\"\\uD800\\uDBFF\\uDC00\"",
                 "\"\\uD800\\n\"", "\"\\uD800\\\\uDC00\"", "\"\\uD800 \\uDC00\"",
                 "\"\\uD800\\uDC0\"", "\"\\uD800\\uDC0G\"", "\"\\uD800\\UDC00\"", "\"\\uD800\\\"\"",
                 "\"\\uD800\\/\""});
  // The pair must be made of escapes: a raw (even well-formed) UTF-8 character does not pair.
  ExpectInvalid({"\"\\uD83D\xF0\x9F\x98\x80\"", "\"\\uD800\xC3\xA9\""});
}

TEST(JsonSyntaxSurrogateTest, EverySecondUnitAfterHighSurrogate) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  for (const char* high : {"D800", "DAAA", "DBFF", "d9ff"}) {
    for (int unit = 0; unit <= 0xFFFF; ++unit) {
      std::string text = "\"\\u";
      text += high;
      text += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) {
        text += kHex[static_cast<std::size_t>((unit >> shift) & 0xF)];
      }
      text += '"';
      const bool low = unit >= 0xDC00 && unit <= 0xDFFF;
      ASSERT_TRUE(Gives(low ? JsonSyntax::kValid : JsonSyntax::kInvalid, text));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// UTF-8.

TEST(JsonSyntaxUtf8Test, WellFormedSequencesAreValid) {
  ExpectValid({
      Quoted("\xC2\x80"),          // U+0080, smallest 2-byte
      Quoted("\xC3\xA9"),          // U+00E9
      Quoted("\xDF\xBF"),          // U+07FF, largest 2-byte
      Quoted("\xE0\xA0\x80"),      // U+0800, smallest 3-byte
      Quoted("\xE2\x82\xAC"),      // U+20AC
      Quoted("\xED\x9F\xBF"),      // U+D7FF, just below the surrogates
      Quoted("\xEE\x80\x80"),      // U+E000, just above the surrogates
      Quoted("\xEF\xBB\xBF"),      // U+FEFF inside a string is fine
      Quoted("\xEF\xBF\xBF"),      // U+FFFF
      Quoted("\xF0\x90\x80\x80"),  // U+10000, smallest 4-byte
      Quoted("\xF0\x9F\x98\x80"),  // U+1F600
      Quoted("\xF3\xBF\xBF\xBF"),  // U+FFFFF
      Quoted("\xF4\x8F\xBF\xBF"),  // U+10FFFF, largest
      Quoted("a\xC3\xA9"
             "b\xE2\x82\xAC"
             "c\xF0\x9F\x98\x80"
             "d"),
      "{\"\xC3\xA9t\xC3\xA9\":[\"\xE2\x82\xAC\"]}",
  });
}

TEST(JsonSyntaxUtf8Test, OverlongEncodingsAreInvalid) {
  ExpectInvalid({Quoted("\xC0\x80"), Quoted("\xC0\xAF"), Quoted("\xC1\xBF"), Quoted("\xE0\x80\x80"),
                 Quoted("\xE0\x9F\xBF"), Quoted("\xF0\x80\x80\x80"), Quoted("\xF0\x8F\xBF\xBF"),
                 Quoted("\xF0\x80\x80\xAF")});
}

TEST(JsonSyntaxUtf8Test, EncodedSurrogatesAreInvalid) {
  ExpectInvalid({Quoted("\xED\xA0\x80"), Quoted("\xED\xAD\xBF"), Quoted("\xED\xAE\x80"),
                 Quoted("\xED\xB0\x80"), Quoted("\xED\xBF\xBF"),
                 Quoted("\xED\xA0\xBD\xED\xB8\x80")});  // CESU-8 style pair
}

TEST(JsonSyntaxUtf8Test, CodePointsAboveMaximumAreInvalid) {
  ExpectInvalid({Quoted("\xF4\x90\x80\x80"), Quoted("\xF4\xBF\xBF\xBF"), Quoted("\xF5\x80\x80\x80"),
                 Quoted("\xF7\xBF\xBF\xBF"), Quoted("\xF8\x88\x80\x80\x80"),
                 Quoted("\xFC\x84\x80\x80\x80\x80")});
}

TEST(JsonSyntaxUtf8Test, BytesThatNeverOccurAreInvalid) {
  for (int b : {0xC0, 0xC1, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF}) {
    EXPECT_TRUE(Gives(JsonSyntax::kInvalid, Quoted(std::string(1, static_cast<char>(b)))));
    EXPECT_TRUE(Gives(JsonSyntax::kInvalid, std::string(1, static_cast<char>(b))));
  }
  ExpectInvalid({Quoted("\xFF"),
                 Quoted("a\xFF"
                        "b"),
                 Quoted("\xFE\xFF"), "\xFF", "[\xFF]"});
}

TEST(JsonSyntaxUtf8Test, StrayContinuationBytesAreInvalid) {
  ExpectInvalid({Quoted("\x80"), Quoted("\xBF"),
                 Quoted("a\x80"
                        "b"),
                 Quoted("\xC3\xA9\xA9"), Quoted("\xE2\x82\xAC\x80"), Quoted("\x80\x80\x80\x80")});
}

TEST(JsonSyntaxUtf8Test, TruncatedSequencesAreInvalid) {
  ExpectInvalid({Quoted("\xC3"), Quoted("\xE2\x82"), Quoted("\xE2"), Quoted("\xF0\x9F\x98"),
                 Quoted("\xF0\x9F"), Quoted("\xF0"),
                 Quoted("\xC3"
                        "a"),
                 Quoted("\xE2\x82"
                        "a"),
                 Quoted("\xF0\x9F\x98"
                        "a"),
                 Quoted("\xE2"
                        "a\x82\xAC"),
                 Quoted("\xC3 "), Quoted("\xF4\x8F\xBF"),
                 // Truncated by the end of the text rather than by the closing quote.
                 "\"\xC3", "\"\xE2\x82", "\"\xF0\x9F\x98", "[\"\xF0\x9F"});
  // An escape between the bytes of a sequence does not join them.
  ExpectInvalid(
      {Quoted("\xF0\x9F\x98\\n\x98"), Quoted("\xC3\\u0041\xA9"), Quoted("\xE2\x82\\/\xAC")});
  // Continuation replaced by a quote, backslash or NUL.
  ExpectInvalid({"\"\xC3\"\"", "\"\xE2\x82\\n\""});
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, Bytes("\"\xC3\0\"")));
}

TEST(JsonSyntaxUtf8Test, NonAsciiOutsideStringsIsInvalid) {
  ExpectInvalid({"\xC3\xA9", "[\xC3\xA9]", "{\"a\":\xE2\x82\xAC}", "1\xC2\xA0",
                 "[1,\xF0\x9F\x98\x80]", "{\xC3\xA9:1}", "\xEF\xBB\xBF"});
}

// An independent reference check of one UTF-8 string body: decode by bit pattern, then reject
// overlongs, surrogates and values above U+10FFFF; ASCII bytes must be plain string bytes.
bool ReferenceStringBodyValid(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (b < 0x80) {
      if (b < 0x20 || b == '"' || b == '\\') {
        return false;
      }
      ++i;
      continue;
    }
    if ((b & 0xE0) == 0xC0) {
      n = 2;
      cp = b & 0x1Fu;
    } else if ((b & 0xF0) == 0xE0) {
      n = 3;
      cp = b & 0x0Fu;
    } else if ((b & 0xF8) == 0xF0) {
      n = 4;
      cp = b & 0x07u;
    } else {
      return false;
    }
    if (i + n > s.size()) {
      return false;
    }
    for (std::size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) {
        return false;
      }
      cp = (cp << 6) | (c & 0x3Fu);
    }
    constexpr std::array<std::uint32_t, 5> kMinForLength = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinForLength[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n;
  }
  return true;
}

TEST(JsonSyntaxUtf8Test, ExhaustiveTwoAndThreeByteSequencesMatchReference) {
  std::array<char, 5> buf = {'"', 0, 0, 0, '"'};
  int mismatches = 0;
  for (int b0 = 0x80; b0 < 0x100; ++b0) {
    for (int b1 = 0; b1 < 0x100; ++b1) {
      buf[1] = static_cast<char>(b0);
      buf[2] = static_cast<char>(b1);
      buf[3] = '"';
      const std::string_view two(buf.data(), 4);
      const bool want2 = ReferenceStringBodyValid(two.substr(1, 2));
      if (CheckJsonSyntax(two, kDepth) != (want2 ? JsonSyntax::kValid : JsonSyntax::kInvalid)) {
        ADD_FAILURE() << Printable(two);
        ++mismatches;
      }
      for (int b2 = 0; b2 < 0x100; ++b2) {
        buf[3] = static_cast<char>(b2);
        const std::string_view three(buf.data(), 5);
        const bool want3 = ReferenceStringBodyValid(three.substr(1, 3));
        if (CheckJsonSyntax(three, kDepth) != (want3 ? JsonSyntax::kValid : JsonSyntax::kInvalid)) {
          ADD_FAILURE() << Printable(three);
          ++mismatches;
        }
        ASSERT_LT(mismatches, 20);
      }
    }
  }
}

TEST(JsonSyntaxUtf8Test, FourByteSequencesMatchReference) {
  constexpr std::array<int, 14> kTail = {0x00, 0x22, 0x41, 0x5C, 0x7F, 0x80, 0x8F,
                                         0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF0, 0xFF};
  std::array<char, 6> buf = {'"', 0, 0, 0, 0, '"'};
  for (int b0 = 0xE0; b0 < 0x100; ++b0) {
    for (int b1 = 0; b1 < 0x100; ++b1) {
      for (int b2 : kTail) {
        for (int b3 : kTail) {
          buf[1] = static_cast<char>(b0);
          buf[2] = static_cast<char>(b1);
          buf[3] = static_cast<char>(b2);
          buf[4] = static_cast<char>(b3);
          const std::string_view text(buf.data(), buf.size());
          const bool want = ReferenceStringBodyValid(text.substr(1, 4));
          ASSERT_EQ(CheckJsonSyntax(text, kDepth), want ? JsonSyntax::kValid : JsonSyntax::kInvalid)
              << Printable(text);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Byte-order mark and NUL bytes.

TEST(JsonSyntaxBomTest, LeadingByteOrderMarkIsInvalid) {
  ExpectInvalid({"\xEF\xBB\xBF{}", "\xEF\xBB\xBF[]",
                 "\xEF\xBB\xBF"
                 "1",
                 "\xEF\xBB\xBF\"a\"", "\xEF\xBB\xBF", "\xEF\xBB\xBF ", " \xEF\xBB\xBF{}",
                 "\xEF\xBB{}", "\xEF{}", "\xFE\xFF{}", "\xFF\xFE{}"});
}

TEST(JsonSyntaxBomTest, ByteOrderMarkElsewhereOutsideStringsIsInvalid) {
  ExpectInvalid({"{}\xEF\xBB\xBF", "[\xEF\xBB\xBF]",
                 "{\"a\":\xEF\xBB\xBF"
                 "1}"});
}

TEST(JsonSyntaxBomTest, ByteOrderMarkInsideStringIsValid) {
  ExpectValid({"\"\xEF\xBB\xBF\"", "{\"\xEF\xBB\xBF\":\"\xEF\xBB\xBF\"}", "\"\\uFEFF\""});
}

TEST(JsonSyntaxNulTest, NulInsideStringIsInvalid) {
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, Bytes("\"\0\"")));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, Bytes("\"a\0b\"")));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, Bytes("{\"a\0\":1}")));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, Bytes("[\"\0\"]")));
  EXPECT_TRUE(Gives(JsonSyntax::kValid, Bytes("\"a\\u0000b\"")));
}

TEST(JsonSyntaxNulTest, NulOutsideStringsIsInvalid) {
  for (std::string_view text :
       {Bytes("\0"), Bytes("\0\0"), Bytes("\0{}"), Bytes("{}\0"), Bytes("1\0"), Bytes("\0 1"),
        Bytes("[1,\0 2]"), Bytes("[\0]"), Bytes("{\0}"), Bytes("{\"a\"\0:1}"),
        Bytes("{\"a\":\0 1}"), Bytes("tr\0ue"), Bytes("1\0.5"), Bytes("\"a\"\0"), Bytes("[]\0[]"),
        Bytes("null\0")}) {
    EXPECT_TRUE(Gives(JsonSyntax::kInvalid, text));
  }
}

TEST(JsonSyntaxNulTest, TextIsNotTreatedAsNulTerminated) {
  // The view ends before the NUL; the bytes after it are never looked at.
  constexpr char kBuffer[] = "[1]\0garbage";
  EXPECT_TRUE(Gives(JsonSyntax::kValid, std::string_view(kBuffer, 3)));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, std::string_view(kBuffer, 4)));
  // A view that stops in the middle of a literal must not read past its end.
  constexpr char kTrue[] = "true";
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, std::string_view(kTrue, 3)));
  EXPECT_TRUE(Gives(JsonSyntax::kValid, std::string_view(kTrue, 4)));
}

TEST(JsonSyntaxNulTest, TokensCutByTheEndOfTheViewAreInvalid) {
  // The bytes after the view would complete the token; the checker must not look at them.
  for (std::string_view full :
       {Bytes("\"\xF0\x9F\x98\x80\""), Bytes("\"\xE2\x82\xAC\""), Bytes("\"\xC3\xA9\""),
        Bytes("\"\\uD83D\\uDE00\""), Bytes("\"\\u0041\""), Bytes("\"\\n\""), Bytes("[1e5]"),
        Bytes("[-0.5]"), Bytes("{\"a\":null}"), Bytes("[false]")}) {
    for (std::size_t len = 0; len < full.size(); ++len) {
      EXPECT_TRUE(Gives(JsonSyntax::kInvalid, full.substr(0, len))) << "length " << len;
    }
    EXPECT_TRUE(Gives(JsonSyntax::kValid, full));
  }
}

// ---------------------------------------------------------------------------------------------
// Arrays and objects.

TEST(JsonSyntaxArrayTest, WellFormedArraysAreValid) {
  ExpectValid({"[]", "[ ]", "[1]", "[1,2,3]", "[ 1 , 2 ]", "[[]]", "[[],[[]]]", "[[1],[2,[3]]]",
               "[\"a\",1,true,false,null,{},[]]", "[{}]", "[{},{}]", "[[[[[]]]]]"});
}

TEST(JsonSyntaxArrayTest, MalformedArraysAreInvalid) {
  ExpectInvalid({"[",     "]",      "[[",        "]]",    "[1",   "[1,",   "[1,2",  "[,]",  "[,1]",
                 "[1,]",  "[1,,2]", "[1 2]",     "[1:2]", "[}",   "[1}",   "[]]",   "[1]]", "[[]",
                 "[[]]]", "[1,2]]", "[\"a\":1]", "[{]",   "[{]}", "[1;2]", "[1\n2]"});
}

TEST(JsonSyntaxObjectTest, WellFormedObjectsAreValid) {
  ExpectValid({"{}", "{ }", "{\"a\":1}", "{\"a\":1,\"b\":2}", "{\"a\":{}}", "{\"a\":[]}",
               "{\"a\":{\"b\":{\"c\":null}}}", "{\"\":0}", "{ \"a\" : 1 , \"b\" : 2 }",
               "{\"a\":[1,{\"b\":[]}],\"c\":\"d\"}", "{\"a\\nb\":1}", "{\"\\u0041\":1}"});
}

TEST(JsonSyntaxObjectTest, MalformedObjectsAreInvalid) {
  ExpectInvalid({"{",
                 "}",
                 "{{",
                 "}}",
                 "{\"a\"",
                 "{\"a\"}",
                 "{\"a\":",
                 "{\"a\":}",
                 "{\"a\":1",
                 "{\"a\":1,",
                 "{\"a\" 1}",
                 "{\"a\"::1}",
                 "{:1}",
                 "{a:1}",
                 "{'a':1}",
                 "{1:1}",
                 "{null:1}",
                 "{true:1}",
                 "{[]:1}",
                 "{{}:1}",
                 "{\"a\":1,}",
                 "{,}",
                 "{,\"a\":1}",
                 "{\"a\":1,,\"b\":2}",
                 "{\"a\":1 \"b\":2}",
                 "{\"a\":1;\"b\":2}",
                 "{\"a\",1}",
                 "{\"a\":1}}",
                 "{\"a\"=1}",
                 "{\"a\"=>1}",
                 "{\"a\":1]",
                 "{]",
                 "{\"a\":[}]",
                 "{\"a\":1:2}",
                 "{\"a\"}:1",
                 "{\"a\":1,\"b\"}"});
}

TEST(JsonSyntaxObjectTest, DuplicateKeysAreNotASyntaxError) {
  ExpectValid({"{\"a\":1,\"a\":2}", "{\"a\":1,\"a\":1,\"a\":1}", "{\"a\":{\"a\":1,\"a\":2}}",
               "{\"\\u0061\":1,\"a\":2}"});
}

TEST(JsonSyntaxStructureTest, TrailingCommasAreInvalid) {
  ExpectInvalid({"[1,]", "[1,2,]", "[[],]", "[{},]", "{\"a\":1,}", "{\"a\":1,\"b\":2,}",
                 "{\"a\":[1,]}", "[{\"a\":1,}]", "[1,2,] ", "[1 ,]", "{\"a\":1 ,}", "1,", "{},",
                 "[],", "[1],"});
}

TEST(JsonSyntaxStructureTest, MissingCommasAreInvalid) {
  ExpectInvalid({"[1 2]", "[\"a\" \"b\"]", "[[] []]", "[{} {}]", "[true false]", "[null 1]",
                 "{\"a\":1 \"b\":2}", "{\"a\":[] \"b\":{}}", "[\"a\"\"b\"]", "[[][]]", "[{}{}]",
                 "{\"a\":\"b\"\"c\":1}"});
}

TEST(JsonSyntaxStructureTest, MissingColonsAreInvalid) {
  ExpectInvalid({"{\"a\" 1}", "{\"a\"}", "{\"a\" \"b\"}", "{\"a\",\"b\"}", "{\"a\"1}", "{\"a\"[]}",
                 "{\"a\"{}}", "{\"a\":1,\"b\" 2}", "{\"a\" : 1, \"b\"}"});
}

TEST(JsonSyntaxStructureTest, MismatchedBracketsAreInvalid) {
  ExpectInvalid(
      {"[}", "{]", "[{]}", "{\"a\":[}]", "[[}]", "[{}}", "{\"a\":{]}", "[[]}", "{\"a\":[]]"});
}

TEST(JsonSyntaxStructureTest, TrailingContentIsInvalid) {
  ExpectInvalid({"{} {}",       "{}{}",       "{}x",         "[] []",  "[][]", "1 2",
                 "\"a\" \"b\"", "\"a\"\"b\"", "true false",  "{},",    "[]]",  "{}}",
                 "nullx",       "1x",         "{}\n\n x",    "[] 1",   "0 0",  "\"a\"x",
                 "{} \"a\"",    "[]/",        "[]//comment", "[]/**/", "{}#",  "1 ,"});
  ExpectValid({"{} ", "{}\n", "[] \t\r\n", "1 \n"});
}

TEST(JsonSyntaxStructureTest, CommentsAreInvalid) {
  ExpectInvalid({"// c\n{}", "/* c */{}", "[1/* c */]", "{\"a\":1 // c\n}", "# c\n{}"});
}

// ---------------------------------------------------------------------------------------------
// Depth.

TEST(JsonSyntaxDepthTest, ArraysUpToMaxDepthAreValid) {
  for (int max_depth : {1, 2, 5, 63, 64, 65, 128, 1000, 1024}) {
    EXPECT_TRUE(Gives(JsonSyntax::kValid, NestedArrays(max_depth), max_depth));
    if (max_depth > 1) {
      EXPECT_TRUE(Gives(JsonSyntax::kValid, NestedArrays(max_depth - 1), max_depth));
    }
    EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, NestedArrays(max_depth + 1), max_depth));
    EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, NestedArrays(max_depth + 10), max_depth));
  }
}

TEST(JsonSyntaxDepthTest, ObjectsUpToMaxDepthAreValid) {
  for (int max_depth : {1, 2, 5, 63, 64, 65, 128, 1000, 1024}) {
    EXPECT_TRUE(Gives(JsonSyntax::kValid, NestedObjects(max_depth), max_depth));
    EXPECT_TRUE(Gives(JsonSyntax::kValid, NestedObjects(max_depth - 1), max_depth));
    EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, NestedObjects(max_depth + 1), max_depth));
  }
}

TEST(JsonSyntaxDepthTest, MixedNestingUpToMaxDepthIsValid) {
  for (int max_depth : {1, 2, 3, 63, 64, 65, 127, 128, 129, 1024}) {
    EXPECT_TRUE(Gives(JsonSyntax::kValid, NestedMixed(max_depth), max_depth));
    EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, NestedMixed(max_depth + 1), max_depth));
  }
}

TEST(JsonSyntaxDepthTest, EmptyContainerCountsAsALevel) {
  EXPECT_TRUE(Gives(JsonSyntax::kValid, "[[]]", 2));
  EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, "[[[]]]", 2));
  EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, "[{}]", 1));
  EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, "{\"a\":[]}", 1));
  EXPECT_TRUE(Gives(JsonSyntax::kValid, "{\"a\":[]}", 2));
}

TEST(JsonSyntaxDepthTest, SiblingsDoNotAccumulateDepth) {
  EXPECT_TRUE(Gives(JsonSyntax::kValid, "[[[]],[[]],[[]],{\"a\":[]},{\"b\":{}}]", 3));
  EXPECT_TRUE(Gives(JsonSyntax::kValid, "[[],[],[],[],[]]", 2));
  std::string many = "[";
  for (int i = 0; i < 10000; ++i) {
    many += i == 0 ? "[[1]]" : ",[[1]]";
  }
  many += "]";
  EXPECT_TRUE(Gives(JsonSyntax::kValid, many, 3));
  EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, many, 2));
}

TEST(JsonSyntaxDepthTest, ZeroOrNegativeMaxDepthAllowsOnlyScalars) {
  for (int max_depth : {0, -1, -1000}) {
    ExpectAll(JsonSyntax::kValid, {"1", "\"a\"", "true", " null "}, max_depth);
    ExpectAll(JsonSyntax::kTooDeep, {"[]", "{}", " [1]", "{\"a\":1}"}, max_depth);
    ExpectAll(JsonSyntax::kInvalid, {"", "x", "]", "1 [", "\"a"}, max_depth);
  }
}

TEST(JsonSyntaxDepthTest, MaxDepthAboveSupportedLimitIsClamped) {
  EXPECT_TRUE(Gives(JsonSyntax::kValid, NestedArrays(kMaxJsonSyntaxDepth), 5000));
  EXPECT_TRUE(Gives(JsonSyntax::kValid, NestedMixed(kMaxJsonSyntaxDepth), 1 << 30));
  EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, NestedArrays(kMaxJsonSyntaxDepth + 1), 5000));
  EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, NestedObjects(kMaxJsonSyntaxDepth + 1), 1 << 30));
}

TEST(JsonSyntaxDepthTest, ContainerKindsAreRestoredAcrossWordBoundaries) {
  // An irregular pattern of kinds, so each level's kind matters when it is closed.
  for (int depth : {62, 63, 64, 65, 66, 127, 128, 129, 1023, 1024}) {
    std::string open;
    std::string close;
    for (int i = 0; i < depth; ++i) {
      const bool object = (i * 7 + 3) % 5 < 2;
      open += object ? "{\"k\":" : "[1,";
      close += object ? '}' : ']';
    }
    std::reverse(close.begin(), close.end());
    const std::string doc = open + "2" + close;
    EXPECT_TRUE(Gives(JsonSyntax::kValid, doc, depth)) << depth;
    EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, doc, depth - 1)) << depth;
    // Closing any one level with the other kind of bracket must be rejected.
    for (int level : {1, 2, 63, 64, 65, 66, 128, 129, depth - 1, depth}) {
      if (level < 1 || level > depth) {
        continue;
      }
      std::string wrong = doc;
      char& closer = wrong[open.size() + 1 + static_cast<std::size_t>(depth - level)];
      closer = closer == ']' ? '}' : ']';
      EXPECT_TRUE(Gives(JsonSyntax::kInvalid, wrong, depth)) << depth << " level " << level;
    }
  }
}

TEST(JsonSyntaxDepthTest, InvalidByteBeforeDepthExceededIsInvalid) {
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, "[x[[[[", 2));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, "[1,,[[[[]]]]]", 2));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, "[01,[[[]]]]", 2));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, "{\"a\" [[[[]]]]}", 2));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, "[\"\\uD800\",[[[]]]]", 2));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, "[\"\xC0\x80\",[[[]]]]", 2));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, "\xEF\xBB\xBF[[[[]]]]", 2));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, Bytes("[\0[[[]]]]"), 2));
}

TEST(JsonSyntaxDepthTest, DepthExceededBeforeInvalidByteIsTooDeep) {
  EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, "[[[x", 2));
  EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, "[[[", 2));
  EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, "[[[]]]garbage", 2));
  EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, "[[[1,]]]", 2));
  EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, "{\"a\":{\"b\":{\"c\"}}}", 2));
  EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, "[[{", 2));
  EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, "[[\"ok\",[\xFF", 2));
}

// ---------------------------------------------------------------------------------------------
// Large inputs.

std::string LargeDocument(std::size_t min_size) {
  std::string doc = "[";
  for (int i = 0; doc.size() < min_size; ++i) {
    if (i > 0) {
      doc += ",\n  ";
    }
    doc += "{\"id\":" + std::to_string(i) +
           ",\"name\":\"child \\u00e9\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 \\uD83D\\uDE00\\n\""
           ",\"amount\":-12.5e-3,\"flags\":[true,false,null],\"nested\":{\"a\":[[],{}],\"b\":0}}";
  }
  doc += "]";
  return doc;
}

TEST(JsonSyntaxLargeTest, ThreeMegabyteDocumentIsValid) {
  const std::string doc = LargeDocument(kLargeSize);
  ASSERT_GE(doc.size(), kLargeSize);
  EXPECT_TRUE(Gives(JsonSyntax::kValid, doc));
  // [ { "nested": { "a": [ [] ] } } ] is five levels deep.
  EXPECT_TRUE(Gives(JsonSyntax::kValid, doc, 5));
  EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, doc, 4));
}

TEST(JsonSyntaxLargeTest, TruncatedThreeMegabyteDocumentIsInvalid) {
  const std::string doc = LargeDocument(kLargeSize);
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, std::string_view(doc).substr(0, doc.size() - 1)));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, std::string_view(doc).substr(0, doc.size() / 2)));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, std::string_view(doc).substr(0, doc.size() - 7)));
  // Truncation inside a multi-byte character.
  const std::size_t emoji = doc.rfind("\xF0\x9F\x98\x80");
  ASSERT_NE(emoji, std::string::npos);
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, std::string_view(doc).substr(0, emoji + 2)));
}

TEST(JsonSyntaxLargeTest, SingleBadByteAtTheEndOfLargeDocumentIsInvalid) {
  std::string doc = LargeDocument(kLargeSize);
  const std::size_t last_string = doc.rfind("child");
  ASSERT_NE(last_string, std::string::npos);
  doc[last_string] = '\x01';
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, doc));
}

TEST(JsonSyntaxLargeTest, ThreeMegabyteStringsAndArrays) {
  std::string text = "\"";
  while (text.size() < kLargeSize) {
    text += "ab\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\\n\\u20AC\\uD83D\\uDE00";
  }
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, text));  // Unterminated.
  text += '"';
  EXPECT_TRUE(Gives(JsonSyntax::kValid, text));

  std::string numbers = "[0";
  while (numbers.size() < kLargeSize) {
    numbers += ",-1.5e+10,0,123";
  }
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, numbers));
  numbers += ']';
  EXPECT_TRUE(Gives(JsonSyntax::kValid, numbers));

  const std::string whitespace =
      " " + std::string(kLargeSize, '\n') + "1" + std::string(kLargeSize, ' ');
  EXPECT_TRUE(Gives(JsonSyntax::kValid, whitespace));
}

TEST(JsonSyntaxLargeTest, PathologicalLargeInputsTerminate) {
  EXPECT_TRUE(Gives(JsonSyntax::kTooDeep, std::string(kLargeSize, '['), kMaxJsonSyntaxDepth));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, std::string(kLargeSize, ']')));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, std::string(kLargeSize, '0')));  // "000..." is invalid
  EXPECT_TRUE(Gives(JsonSyntax::kValid, "1" + std::string(kLargeSize, '0')));
  std::string nested_pairs;
  while (nested_pairs.size() < kLargeSize) {
    nested_pairs += "[[]],";
  }
  nested_pairs = "[" + nested_pairs + "[]]";
  EXPECT_TRUE(Gives(JsonSyntax::kValid, nested_pairs));
  std::string escapes = "\"";
  while (escapes.size() < kLargeSize) {
    escapes += "\\\\\\\"";
  }
  EXPECT_TRUE(Gives(JsonSyntax::kValid, escapes + "\""));
  EXPECT_TRUE(Gives(JsonSyntax::kInvalid, escapes + "\\\""));
}

// ---------------------------------------------------------------------------------------------
// Differential tests against an independent recursive reference parser.

class ReferenceParser {
 public:
  ReferenceParser(std::string_view text, int max_depth)
      : text_(text), max_depth_(std::clamp(max_depth, 0, kMaxJsonSyntaxDepth)) {}

  JsonSyntax Parse() {
    SkipWs();
    const JsonSyntax result = Value(0);
    if (result != JsonSyntax::kValid) {
      return result;
    }
    SkipWs();
    return pos_ == text_.size() ? JsonSyntax::kValid : JsonSyntax::kInvalid;
  }

 private:
  bool Peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool Eat(char c) {
    if (!Peek(c)) {
      return false;
    }
    ++pos_;
    return true;
  }
  void SkipWs() {
    while (pos_ < text_.size() &&
           std::string_view(" \t\n\r").find(text_[pos_]) != std::string_view::npos) {
      ++pos_;
    }
  }

  JsonSyntax Value(int depth) {
    if (pos_ >= text_.size()) {
      return JsonSyntax::kInvalid;
    }
    const char c = text_[pos_];
    if (c == '{' || c == '[') {
      if (depth + 1 > max_depth_) {
        return JsonSyntax::kTooDeep;
      }
      ++pos_;
      const char close = c == '{' ? '}' : ']';
      SkipWs();
      if (Eat(close)) {
        return JsonSyntax::kValid;
      }
      while (true) {
        SkipWs();
        if (c == '{') {
          if (!Peek('"') || !String()) {
            return JsonSyntax::kInvalid;
          }
          SkipWs();
          if (!Eat(':')) {
            return JsonSyntax::kInvalid;
          }
          SkipWs();
        }
        const JsonSyntax member = Value(depth + 1);
        if (member != JsonSyntax::kValid) {
          return member;
        }
        SkipWs();
        if (Eat(close)) {
          return JsonSyntax::kValid;
        }
        if (!Eat(',')) {
          return JsonSyntax::kInvalid;
        }
      }
    }
    if (c == '"') {
      return String() ? JsonSyntax::kValid : JsonSyntax::kInvalid;
    }
    if (c == '-' || std::isdigit(static_cast<unsigned char>(c)) != 0) {
      return Number() ? JsonSyntax::kValid : JsonSyntax::kInvalid;
    }
    for (std::string_view literal : {"true", "false", "null"}) {
      if (text_.substr(pos_, literal.size()) == literal) {
        pos_ += literal.size();
        return JsonSyntax::kValid;
      }
    }
    return JsonSyntax::kInvalid;
  }

  // -? int frac? exp?, measured with find_first_not_of over digit runs.
  bool Number() {
    const std::string_view rest = text_.substr(pos_);
    const auto digit_run = [&rest](std::size_t from) {
      return std::min(rest.find_first_not_of("0123456789", from), rest.size()) - from;
    };
    std::size_t n = rest.starts_with('-') ? 1 : 0;
    const std::size_t int_len = digit_run(n);
    if (int_len == 0 || (int_len > 1 && rest[n] == '0')) {
      return false;
    }
    n += int_len;
    if (n < rest.size() && rest[n] == '.') {
      const std::size_t frac_len = digit_run(n + 1);
      if (frac_len == 0) {
        return false;
      }
      n += 1 + frac_len;
    }
    if (n < rest.size() && (rest[n] == 'e' || rest[n] == 'E')) {
      ++n;
      if (n < rest.size() && (rest[n] == '+' || rest[n] == '-')) {
        ++n;
      }
      const std::size_t exp_len = digit_run(n);
      if (exp_len == 0) {
        return false;
      }
      n += exp_len;
    }
    pos_ += n;
    return true;
  }

  // Reads 4 hex digits after "\u" into `unit`.
  bool Hex4(std::uint32_t& unit) {
    if (text_.size() - pos_ < 4) {
      return false;
    }
    unit = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_++];
      if (std::isxdigit(static_cast<unsigned char>(c)) == 0) {
        return false;
      }
      const int lower = std::tolower(static_cast<unsigned char>(c));
      unit = unit * 16 + static_cast<std::uint32_t>(lower <= '9' ? lower - '0' : lower - 'a' + 10);
    }
    return true;
  }

  bool String() {
    ++pos_;           // Opening quote.
    std::string raw;  // Unescaped bytes since the last escape, checked as UTF-8.
    while (true) {
      if (pos_ >= text_.size()) {
        return false;
      }
      const char c = text_[pos_++];
      if (c == '"') {
        return ReferenceStringBodyValid(raw);
      }
      if (c != '\\') {
        raw += c;
        continue;
      }
      // An escape ends the run of raw bytes: a UTF-8 sequence cannot continue across it.
      if (!ReferenceStringBodyValid(raw)) {
        return false;
      }
      raw.clear();
      if (pos_ >= text_.size()) {
        return false;
      }
      const char e = text_[pos_++];
      if (e != 'u') {
        if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return false;
        }
        continue;
      }
      std::uint32_t unit = 0;
      if (!Hex4(unit)) {
        return false;
      }
      if (unit >= 0xDC00 && unit <= 0xDFFF) {
        return false;
      }
      if (unit >= 0xD800 && unit <= 0xDBFF) {
        std::uint32_t low = 0;
        if (text_.substr(pos_, 2) != "\\u") {
          return false;
        }
        pos_ += 2;
        if (!Hex4(low) || low < 0xDC00 || low > 0xDFFF) {
          return false;
        }
      }
    }
  }

  std::string_view text_;
  int max_depth_;
  std::size_t pos_ = 0;
};

class Generator {
 public:
  explicit Generator(std::uint32_t seed) : rng_(seed) {}

  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  std::string Ws() {
    static constexpr std::array<std::string_view, 6> kWs = {"", "", " ", "\n", "\t", "\r\n  "};
    return std::string(kWs[static_cast<std::size_t>(Uniform(0, kWs.size() - 1))]);
  }

  std::string Number() {
    std::string s = Uniform(0, 2) == 0 ? "-" : "";
    s += Uniform(0, 3) == 0 ? "0" : std::to_string(Uniform(1, 99999));
    if (Uniform(0, 2) == 0) {
      s += '.';
      s += std::to_string(Uniform(0, 999));
    }
    if (Uniform(0, 3) == 0) {
      static constexpr std::array<std::string_view, 5> kExp = {"e", "E", "e+", "e-", "E-"};
      s += kExp[static_cast<std::size_t>(Uniform(0, 4))];
      s += std::to_string(Uniform(0, 300));
    }
    return s;
  }

  std::string String() {
    static constexpr std::array<std::string_view, 16> kPieces = {"a",
                                                                 "Z",
                                                                 " ",
                                                                 "key",
                                                                 "\\n",
                                                                 "\\\"",
                                                                 "\\\\",
                                                                 "\\/",
                                                                 "\\u0041",
                                                                 "\\u00e9",
                                                                 "\\uD83D\\uDE00",
                                                                 "\xC3\xA9",
                                                                 "\xE2\x82\xAC",
                                                                 "\xF0\x9F\x98\x80",
                                                                 "\xF4\x8F\xBF\xBF",
                                                                 "\x7F"};
    std::string s = "\"";
    for (int i = Uniform(0, 4); i > 0; --i) {
      s += kPieces[static_cast<std::size_t>(Uniform(0, kPieces.size() - 1))];
    }
    return s + "\"";
  }

  std::string Value(int depth_left) {
    const int kind = Uniform(0, depth_left > 0 ? 7 : 4);
    switch (kind) {
      case 0:
        return Number();
      case 1:
        return String();
      case 2:
        return Uniform(0, 1) == 0 ? "true" : "false";
      case 3:
        return "null";
      case 4:
        return Number();
      case 5:
      case 6: {
        std::string s = "[";
        s += Ws();
        for (int i = 0, n = Uniform(0, 4); i < n; ++i) {
          if (i > 0) {
            s += ',';
            s += Ws();
          }
          s += Value(depth_left - 1);
          s += Ws();
        }
        s += ']';
        return s;
      }
      default: {
        std::string s = "{";
        s += Ws();
        for (int i = 0, n = Uniform(0, 4); i < n; ++i) {
          if (i > 0) {
            s += ',';
            s += Ws();
          }
          for (std::string part :
               {String(), Ws(), std::string(":"), Ws(), Value(depth_left - 1), Ws()}) {
            s += part;
          }
        }
        s += '}';
        return s;
      }
    }
  }

  // A value nested at most `max_nesting` levels, with optional surrounding whitespace.
  std::string Document(int max_nesting) {
    std::string doc = Ws();
    doc += Value(Uniform(0, max_nesting));
    doc += Ws();
    return doc;
  }

  std::string Mutate(std::string doc) {
    static constexpr std::string_view kAlphabet = Bytes(
        "{}[],:\"\\u0123456789-+.eEtrufalsnDdCcFf \t\n\r\0\x01\x1F\x7F\x80\xBF\xC0\xC3\xE0\xED\xF0"
        "\xF4\xFF");
    for (int i = Uniform(1, 3); i > 0; --i) {
      const auto pos = static_cast<std::size_t>(Uniform(0, static_cast<int>(doc.size())));
      const char c = kAlphabet[static_cast<std::size_t>(Uniform(0, kAlphabet.size() - 1))];
      switch (Uniform(0, 3)) {
        case 0:
          doc.insert(pos, 1, c);
          break;
        case 1:
          if (pos < doc.size()) {
            doc.erase(pos, 1);
          }
          break;
        case 2:
          if (pos < doc.size()) {
            doc[pos] = c;
          }
          break;
        default:
          if (pos < doc.size()) {
            doc.insert(pos, doc.substr(pos, static_cast<std::size_t>(Uniform(1, 4))));
          }
          break;
      }
    }
    return doc;
  }

 private:
  std::mt19937 rng_;
};

// Depth of the deepest container in a valid document (brackets outside strings).
int DocumentDepth(std::string_view doc) {
  int depth = 0;
  int max = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const char c = doc[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      max = std::max(max, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return max;
}

TEST(JsonSyntaxPropertyTest, ReferenceParserAgreesOnHandWrittenCases) {
  for (std::string_view text : {"{}", "[1,2]", "[1,]", "\"\\uD800\"", "\"\\uD800\\uDC00\"", "01",
                                "-0.5e+3", "[[[]]]", "\xEF\xBB\xBF{}", "\"\xED\xA0\x80\""}) {
    for (int max_depth : {0, 1, 2, 64}) {
      EXPECT_EQ(CheckJsonSyntax(text, max_depth), ReferenceParser(text, max_depth).Parse())
          << Printable(text) << " depth " << max_depth;
    }
  }
}

TEST(JsonSyntaxPropertyTest, GeneratedDocumentsAreValidAtTheirExactDepth) {
  Generator gen(12345);
  for (int i = 0; i < 3000; ++i) {
    const std::string doc = gen.Document(8);
    const int depth = DocumentDepth(doc);
    ASSERT_TRUE(Gives(JsonSyntax::kValid, doc, std::max(depth, 1)));
    ASSERT_EQ(ReferenceParser(doc, depth).Parse(), JsonSyntax::kValid) << Printable(doc);
    if (depth > 0) {
      ASSERT_TRUE(Gives(JsonSyntax::kTooDeep, doc, depth - 1));
    }
  }
}

TEST(JsonSyntaxPropertyTest, ProperPrefixesOfContainerDocumentsAreInvalid) {
  Generator gen(777);
  for (int i = 0; i < 300; ++i) {
    std::string doc;
    do {
      doc = gen.Value(gen.Uniform(1, 5));
    } while (doc.front() != '[' && doc.front() != '{');
    for (std::size_t len = 0; len < doc.size(); ++len) {
      ASSERT_TRUE(
          Gives(JsonSyntax::kInvalid, std::string_view(doc).substr(0, len), kMaxJsonSyntaxDepth));
    }
  }
}

TEST(JsonSyntaxPropertyTest, MutatedDocumentsMatchReferenceParser) {
  Generator gen(2024);
  int valid = 0;
  int invalid = 0;
  int too_deep = 0;
  for (int i = 0; i < 90000; ++i) {
    const std::string doc = gen.Mutate(gen.Document(6));
    for (int max_depth : {0, 1, 2, 3, 64}) {
      const JsonSyntax want = ReferenceParser(doc, max_depth).Parse();
      ASSERT_EQ(CheckJsonSyntax(doc, max_depth), want)
          << Printable(doc) << " max_depth " << max_depth;
      valid += want == JsonSyntax::kValid ? 1 : 0;
      invalid += want == JsonSyntax::kInvalid ? 1 : 0;
      too_deep += want == JsonSyntax::kTooDeep ? 1 : 0;
    }
  }
  // The mutations must exercise every outcome.
  EXPECT_GT(valid, 1000);
  EXPECT_GT(invalid, 1000);
  EXPECT_GT(too_deep, 1000);
}

TEST(JsonSyntaxPropertyTest, RandomBytesMatchReferenceParser) {
  std::mt19937 rng(99);
  constexpr std::string_view kAlphabet = Bytes("{}[]\":,0 1-.eE\\utrue");
  for (int i = 0; i < 50000; ++i) {
    std::string doc(static_cast<std::size_t>(rng() % 12), ' ');
    for (char& c : doc) {
      c = rng() % 4 == 0 ? static_cast<char>(rng() % 256) : kAlphabet[rng() % kAlphabet.size()];
    }
    for (int max_depth : {1, 64}) {
      ASSERT_EQ(CheckJsonSyntax(doc, max_depth), ReferenceParser(doc, max_depth).Parse())
          << Printable(doc) << " max_depth " << max_depth;
    }
  }
}

}  // namespace
}  // namespace childmaint::contract
