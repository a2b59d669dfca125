// calc_bench: Google Benchmark timings of the calculation library, in process (no I/O).
//
//   build/bench/calc_bench --benchmark_min_time=0.5
//
// Over a pool of 1000 requests from request_gen.h (mixed, or single receiving parent), each
// iteration handles one request:
//   BM_Parse                 RequestReader::Read only (bytes/s too)
//   BM_Calculate/trace:0|1   calc::Calculate on pre-parsed requests, steps off / on
//   BM_Write/steps:0|1       WriteResponse of pre-calculated results
//   BM_Line/steps/single_rp  read + calculate + write one contract line, as `calc --jsonl` does
// items/s is requests per second on one core.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "calc/calculate.h"
#include "contract/request_reader.h"
#include "contract/response_writer.h"
#include "law/parameter_set.h"
#include "request_gen.h"

namespace childmaint::bench {
namespace {

constexpr std::size_t kPoolSize = 1000;
constexpr std::uint64_t kSeed = 42;
constexpr std::size_t kFlushAt = std::size_t{64} << 10;  // as calc_stream.cc

[[noreturn]] void Die(const char* what, const Error& e) {
  std::fprintf(stderr, "calc_bench: %s: %s %s %s\n", what, e.reason.c_str(), e.field.c_str(),
               e.message.c_str());
  std::abort();
}

const law::ParameterSet& Law() {
  static const law::ParameterSet kLaw = [] {
    auto law = law::ParameterSet::LoadEmbedded();
    if (!law) {
      Die("law", law.error());
    }
    return std::move(*law);
  }();
  return kLaw;
}

// One generated request: its text followed by kPadding spare bytes, its parse, its answer.
struct Line {
  std::string padded;
  std::size_t size = 0;
};

struct Pool {
  std::vector<Line> lines;
  std::vector<calc::Request> requests;
  std::vector<calc::Result> results;
  std::vector<calc::Trace> traces;  // enabled
};

Pool MakePool(bool single_receiving_parent) {
  Pool pool;
  RequestGenerator gen(kSeed, {.single_receiving_parent = single_receiving_parent});
  contract::RequestReader reader(Law());
  pool.lines.reserve(kPoolSize);
  pool.requests.resize(kPoolSize);
  pool.results.resize(kPoolSize);
  pool.traces.reserve(kPoolSize);
  for (std::size_t i = 0; i < kPoolSize; ++i) {
    Line line;
    line.padded = gen.Next();
    line.size = line.padded.size();
    line.padded.append(contract::kPadding, ' ');
    pool.traces.emplace_back(true);
    Status s = reader.Read(line.padded.data(), line.size, line.padded.size(), pool.requests[i]);
    if (s) {
      s = calc::Calculate(pool.requests[i], Law(), pool.results[i], pool.traces[i]);
    }
    if (!s) {
      std::fprintf(stderr, "%s\n", line.padded.c_str());
      Die("a generated request is not answered", s.error());
    }
    pool.lines.push_back(std::move(line));
  }
  return pool;
}

const Pool& Mixed() {
  static const Pool kPool = MakePool(false);
  return kPool;
}

const Pool& SingleReceivingParent() {
  static const Pool kPool = MakePool(true);
  return kPool;
}

void BM_Parse(benchmark::State& state) {
  const Pool& pool = Mixed();
  contract::RequestReader reader(Law());
  calc::Request req;
  std::size_t i = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const Line& line = pool.lines[i];
    Status s = reader.Read(line.padded.data(), line.size, line.padded.size(), req);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(req);
    bytes += line.size;
    i = i + 1 == kPoolSize ? 0 : i + 1;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_Parse);

void BM_Calculate(benchmark::State& state) {
  const Pool& pool = Mixed();
  calc::Result res;
  calc::Trace trace(state.range(0) != 0);
  std::size_t i = 0;
  for (auto _ : state) {
    Status s = calc::Calculate(pool.requests[i], Law(), res, trace);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(res);
    benchmark::DoNotOptimize(trace);
    i = i + 1 == kPoolSize ? 0 : i + 1;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_Calculate)->ArgName("trace")->Arg(0)->Arg(1);

void BM_Write(benchmark::State& state) {
  const Pool& pool = Mixed();
  const bool steps = state.range(0) != 0;
  std::string out;
  out.reserve(kFlushAt * 2);
  std::size_t i = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    contract::WriteResponse(pool.requests[i], pool.results[i], steps ? &pool.traces[i] : nullptr,
                            out);
    out.push_back('\n');
    if (out.size() >= kFlushAt) {
      benchmark::DoNotOptimize(out.data());
      bytes += out.size();
      out.clear();
    }
    i = i + 1 == kPoolSize ? 0 : i + 1;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes + out.size()));
}
BENCHMARK(BM_Write)->ArgName("steps")->Arg(0)->Arg(1);

// What `childmaint calc --jsonl` does per line, without the read(2)/write(2) calls.
void BM_Line(benchmark::State& state) {
  const bool steps = state.range(0) != 0;
  const Pool& pool = state.range(1) != 0 ? SingleReceivingParent() : Mixed();
  contract::RequestReader reader(Law());
  calc::Request req;
  calc::Result res;
  calc::Trace trace(steps);
  std::string out;
  out.reserve(kFlushAt * 2);
  std::size_t i = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const Line& line = pool.lines[i];
    bytes += line.size;
    Status s = reader.Read(line.padded.data(), line.size, line.padded.size(), req);
    if (s) {
      s = calc::Calculate(req, Law(), res, trace);
    }
    if (s) {
      contract::WriteResponse(req, res, &trace, out);
    } else {
      contract::WriteError(s.error(), out);
    }
    out.push_back('\n');
    if (out.size() >= kFlushAt) {
      benchmark::DoNotOptimize(out.data());
      out.clear();
    }
    i = i + 1 == kPoolSize ? 0 : i + 1;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_Line)
    ->ArgNames({"steps", "single_rp"})
    ->Args({1, 0})
    ->Args({0, 0})
    ->Args({1, 1})
    ->Args({0, 1});

}  // namespace
}  // namespace childmaint::bench

BENCHMARK_MAIN();
