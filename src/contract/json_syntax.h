// File: json_syntax.h — strict RFC 8259 syntax check, no allocation.
//
// CheckJsonSyntax() answers one question: is `text` exactly one well-formed JSON value? It is used
// on the error paths of the JSON request reader to tell "malformed JSON" apart from "well-formed
// JSON that does not match the contract", and as a cheap guard before handing bytes to a full
// parser.
//
// Rules enforced (RFC 8259 plus RFC 3629 for the encoding):
//   * exactly one value, optionally surrounded by JSON whitespace (space, \t, \n, \r); empty or
//     whitespace-only text, trailing content and a leading byte-order mark are invalid;
//   * the bytes are well-formed UTF-8: no overlong forms, no directly encoded surrogates
//     (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequences;
//   * strings: no unescaped control characters (< 0x20); escapes are \" \\ \/ \b \f \n \r \t and
//     \uXXXX with exactly 4 hex digits (either case); a high surrogate escape (\uD800..\uDBFF) must
//     be immediately followed by a low surrogate escape (\uDC00..\uDFFF); lone surrogates are
//     invalid;
//   * numbers follow the JSON grammar exactly (no leading zeros, no '+', no ".5", no "1.", no
//     NaN/Infinity); literals are exactly true, false and null;
//   * duplicate object keys are NOT a syntax error.
//
// Nesting: containers may nest up to `max_depth` levels (a top-level object or array is level 1).
// Opening a container beyond that returns kTooDeep, unless an invalid byte was seen earlier in the
// text, in which case the result is kInvalid (the check is a single left-to-right pass that stops
// at the first problem). `max_depth` is clamped to [0, kMaxJsonSyntaxDepth]; with 0 only scalars
// are accepted.
//
// The check does not recurse, does not allocate, runs in time linear in text.size() and accepts
// arbitrary bytes, including NUL.
#pragma once

#include <cstdint>
#include <string_view>

namespace childmaint::contract {

// Largest supported nesting depth; larger `max_depth` arguments are clamped to this value.
inline constexpr int kMaxJsonSyntaxDepth = 1024;

enum class JsonSyntax : std::uint8_t { kValid, kInvalid, kTooDeep };

// Returns kValid iff `text` is exactly one JSON value (see the file comment for the exact rules),
// kTooDeep if containers nest deeper than `max_depth` before any syntax error, kInvalid otherwise.
[[nodiscard]] JsonSyntax CheckJsonSyntax(std::string_view text, int max_depth);

}  // namespace childmaint::contract
