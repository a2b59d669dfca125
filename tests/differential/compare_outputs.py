#!/usr/bin/env python3
"""Compare two JSONL response files line by line, as parsed JSON (used by compare.sh).

    python3 compare_outputs.py REQUESTS BINARY_OUT REFERENCE_OUT

A response matches when it is equal to the reference's, value for value and type for
type (1 and 1.0 and true differ; key order does not matter). For an error response only
`error.code` is compared (`message` is free text; `field` may name any one of several
defects). On the first difference prints the request and both outputs and exits 1;
otherwise prints "N passed, 0 failed" and exits 0.

Python 3.11 standard library only.
"""

from __future__ import annotations

import json
import sys


class _Float:
    """Keeps a JSON number with a fraction or exponent apart from any integer."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Float) and other.text == self.text

    def __repr__(self) -> str:
        return f"float({self.text})"


def parse(line: bytes):
    return json.loads(line.decode("utf-8"), parse_float=_Float, parse_constant=_Float)


def strict_equal(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(strict_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(strict_equal(x, y) for x, y in zip(a, b))
    return a == b


def differences(got, want, path: str = "") -> list[str]:
    """Human-readable list of the paths where got and want differ."""
    if type(got) is not type(want):
        return [f"{path or '.'}: binary {got!r} reference {want!r}"]
    if isinstance(want, dict):
        out = []
        for k in sorted(set(got) | set(want)):
            if k not in got:
                out.append(f"{path}.{k}: missing in binary")
            elif k not in want:
                out.append(f"{path}.{k}: not in the reference")
            else:
                out += differences(got[k], want[k], f"{path}.{k}")
        return out
    if isinstance(want, list):
        if len(got) != len(want):
            return [f"{path}: binary has {len(got)} items, reference {len(want)}"]
        out = []
        for i, (x, y) in enumerate(zip(got, want)):
            out += differences(x, y, f"{path}[{i}]")
        return out
    return [] if got == want else [f"{path}: binary {got!r} reference {want!r}"]


def matches(got, want) -> bool:
    if isinstance(want, dict) and "error" in want:
        return (isinstance(got, dict) and set(got) == {"error"} and isinstance(got["error"], dict)
                and got["error"].get("code") == want["error"].get("code"))
    return strict_equal(got, want)


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 64
    with open(sys.argv[1], "rb") as f:
        requests = f.read().split(b"\n")
    with open(sys.argv[2], "rb") as f:
        got_lines = f.read().split(b"\n")
    with open(sys.argv[3], "rb") as f:
        want_lines = f.read().split(b"\n")
    for lines in (requests, got_lines, want_lines):
        if lines and lines[-1] == b"":
            lines.pop()

    passed = 0
    for i, want_line in enumerate(want_lines):
        request = requests[i].decode("utf-8", "replace") if i < len(requests) else "?"
        if i >= len(got_lines):
            print(f"line {i + 1}: the binary wrote no response ({len(got_lines)} lines for "
                  f"{len(want_lines)} requests)")
            print(f"request:   {request}")
            print(f"reference: {want_line.decode('utf-8', 'replace')}")
            print(f"{passed} passed, 1 failed")
            return 1
        want = parse(want_line)
        try:
            got = parse(got_lines[i])
        except (ValueError, UnicodeDecodeError) as e:
            got, problems = None, [f"binary output is not JSON: {e}"]
        else:
            problems = [] if matches(got, want) else (
                [f".error.code: binary {got.get('error', {}).get('code') if isinstance(got, dict) and isinstance(got.get('error'), dict) else got!r}"
                 f" reference {want['error'].get('code')!r}"]
                if isinstance(want, dict) and "error" in want else differences(got, want))
        if problems:
            print(f"line {i + 1}: the outputs differ")
            print(f"request:   {request}")
            print(f"binary:    {got_lines[i].decode('utf-8', 'replace')}")
            print(f"reference: {want_line.decode('utf-8', 'replace')}")
            for p in problems[:20]:
                print(f"  {p}")
            print(f"{passed} passed, 1 failed")
            return 1
        passed += 1
    if len(got_lines) > len(want_lines):
        print(f"the binary wrote {len(got_lines)} lines for {len(want_lines)} requests")
        print(f"{passed} passed, 1 failed")
        return 1
    print(f"{passed} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
