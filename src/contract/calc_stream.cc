#include "contract/calc_stream.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "calc/calculate.h"
#include "contract/explanation.h"
#include "contract/request_reader.h"
#include "contract/response_writer.h"

namespace childmaint::contract {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 2;
constexpr int kExitIoError = 74;
constexpr std::size_t kChunk = std::size_t{1} << 20;
constexpr std::size_t kFlushAt = std::size_t{1} << 20;  // fewer, larger writes

bool WriteAll(int fd, std::string_view s) {
  while (!s.empty()) {
    const ssize_t n = ::write(fd, s.data(), s.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return false;
    }
    s.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Reads into buf at [at, at + room); returns bytes read, 0 at end of input, -1 on error.
ssize_t ReadSome(int fd, char* at, std::size_t room) {
  for (;;) {
    const ssize_t n = ::read(fd, at, room);
    if (n >= 0 || errno != EINTR) {
      return n;
    }
  }
}

// One request answered: a response or an error object appended to out (no newline).
class Answerer {
 public:
  Answerer(const law::ParameterSet& law, bool steps) : law_(law), reader_(law), trace_(steps) {}

  // Returns the error, if any, after writing it.
  bool Answer(const char* data, std::size_t size, std::size_t allocated, std::string& out) {
    Status s = reader_.Read(data, size, allocated, req_);
    if (s) {
      s = calc::Calculate(req_, law_, res_, trace_);
    }
    if (!s) {
      WriteError(s.error(), out);
      return false;
    }
    WriteResponse(req_, res_, &trace_, out);
    return true;
  }
  void TooLarge(std::string& out) {
    WriteError(Error::Make(ErrorCode::kInvalidArgument, "request_too_large",
                           "the request is larger than 1 MiB"),
               out);
  }
  const calc::Request& request() const { return req_; }
  const calc::Result& result() const { return res_; }
  const calc::Trace& trace() const { return trace_; }

 private:
  const law::ParameterSet& law_;
  RequestReader reader_;
  calc::Request req_;
  calc::Result res_;
  calc::Trace trace_;
};

int RunSingle(const law::ParameterSet& law, const CalcOptions& options, int in_fd, int out_fd,
              int err_fd) {
  // Keep at most 1 MiB + 1 byte: enough to know the request is too large; drain the rest.
  std::vector<char> buf(kMaxRequestBytes + 1 + kPadding);
  std::size_t size = 0;
  bool too_large = false;
  for (;;) {
    const std::size_t room = kMaxRequestBytes + 1 - size;
    if (room == 0) {
      too_large = true;
      char sink[1 << 16];
      const ssize_t n = ReadSome(in_fd, sink, sizeof sink);
      if (n < 0) {
        return kExitIoError;
      }
      if (n == 0) {
        break;
      }
      continue;
    }
    const ssize_t n = ReadSome(in_fd, buf.data() + size, room);
    if (n < 0) {
      return kExitIoError;
    }
    if (n == 0) {
      break;
    }
    size += static_cast<std::size_t>(n);
  }
  Answerer answerer(law, options.steps || options.explain);
  std::string out;
  bool ok = false;
  if (too_large || size > kMaxRequestBytes) {
    answerer.TooLarge(out);
  } else {
    ok = answerer.Answer(buf.data(), size, buf.size(), out);
  }
  if (ok && !options.steps) {
    // --explain --no-steps: the explanation still uses the steps, the JSON leaves them out.
    out.clear();
    WriteResponse(answerer.request(), answerer.result(), nullptr, out);
  }
  out.push_back('\n');
  if (!WriteAll(out_fd, out)) {
    return kExitIoError;
  }
  if (ok && options.explain) {
    std::string text;
    WriteExplanation(answerer.request(), answerer.result(), answerer.trace(), text);
    WriteAll(err_fd, text);
  }
  return ok ? kExitOk : kExitInvalid;
}

int RunLines(const law::ParameterSet& law, const CalcOptions& options, int in_fd, int out_fd) {
  Answerer answerer(law, options.steps);
  // Room for a whole 1 MiB line plus one chunk of reading, and the parser's padding.
  std::vector<char> buf(kMaxRequestBytes + 1 + kChunk + kPadding);
  const std::size_t capacity = buf.size() - kPadding;
  std::size_t begin = 0;  // start of the current (unfinished) line
  std::size_t end = 0;    // end of the bytes read
  std::size_t scan = 0;   // where to look for the next newline
  bool discarding = false;  // inside a line already answered request_too_large
  std::string out;
  out.reserve(kFlushAt * 2);
  const auto flush = [&]() { return WriteAll(out_fd, out) ? (out.clear(), true) : false; };
  for (bool eof = false; !eof;) {
    if (begin > 0 && (end == capacity || begin > capacity / 2)) {
      std::memmove(buf.data(), buf.data() + begin, end - begin);
      end -= begin;
      scan -= begin;
      begin = 0;
    }
    const ssize_t n = ReadSome(in_fd, buf.data() + end, capacity - end);
    if (n < 0) {
      flush();
      return kExitIoError;
    }
    eof = n == 0;
    end += static_cast<std::size_t>(n);
    for (;;) {
      const void* nl = std::memchr(buf.data() + scan, '\n', end - scan);
      if (nl == nullptr) {
        break;
      }
      const auto line_end = static_cast<std::size_t>(static_cast<const char*>(nl) - buf.data());
      if (!discarding) {
        answerer.Answer(buf.data() + begin, line_end - begin, capacity + kPadding - begin, out);
        out.push_back('\n');
      }
      discarding = false;
      begin = scan = line_end + 1;
      if (out.size() >= kFlushAt && !flush()) {
        return kExitIoError;
      }
    }
    scan = end;
    if (!discarding && end - begin > kMaxRequestBytes) {
      answerer.TooLarge(out);
      out.push_back('\n');
      discarding = true;
    }
    if (discarding) {
      begin = scan = end;  // drop what was read of the oversized line
    }
  }
  if (!discarding && end > begin) {
    // A last line without a newline is still a request.
    answerer.Answer(buf.data() + begin, end - begin, capacity + kPadding - begin, out);
    out.push_back('\n');
  }
  return flush() ? kExitOk : kExitIoError;
}

}  // namespace

int RunCalc(const law::ParameterSet& law, const CalcOptions& options, int in_fd, int out_fd,
            int err_fd) {
  if (options.jsonl) {
    return RunLines(law, options, in_fd, out_fd);
  }
  return RunSingle(law, options, in_fd, out_fd, err_fd);
}

}  // namespace childmaint::contract
