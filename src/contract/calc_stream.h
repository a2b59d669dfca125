// File: calc_stream.h — `childmaint calc`: requests on a file descriptor, responses on another.
//
//   int status = RunCalc(law, {.jsonl = true, .steps = false}, 0, 1, 2);
//
// Single mode: the whole input is one request; its response (or error object, exit 2) on out,
// with --explain a walk-through on err. --jsonl: one request per line, one response line each in
// the same order, errors included (exit 0); framing exactly as calc-contract.md says. Memory stays
// flat however long the stream: lines over 1 MiB are answered request_too_large and skipped.
// Returns the process exit status: 0, 2 (invalid single request), 74 (input could not be read).
#pragma once

#include "law/parameter_set.h"

namespace childmaint::contract {

struct CalcOptions {
  bool jsonl = false;
  bool steps = true;
  bool explain = false;
};

int RunCalc(const law::ParameterSet& law, const CalcOptions& options, int in_fd, int out_fd,
            int err_fd);

}  // namespace childmaint::contract
