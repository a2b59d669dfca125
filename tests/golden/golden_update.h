// File: golden_update.h — `golden_runner --update`: rewrites the expected values of golden files
// from the current engine, for reviewing a deliberate change with `git diff` (never run by CTest).
//
// Only the scalars under `expect:` whose value changed are rewritten, in place: the same keys, the
// same quoting, the same layout and comments. A file whose expectation cannot be kept by changing
// values alone (a field gone, a list of another length, an error instead of a result, a citation
// no longer made) is left as it is and reported, for a person to edit.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace childmaint::golden {

// The response JSON the engine gives for a golden file's request.
using AnswerFn = std::function<std::string(const std::string& path)>;

// Updates `files`; prints one line per file changed or needing a person. Returns 0 when every file
// is now current, 1 otherwise.
int UpdateGoldenFiles(const std::vector<std::string>& files, const AnswerFn& answer);

}  // namespace childmaint::golden
