#include "contract/calc_stream.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace childmaint::contract {
namespace {

const law::ParameterSet& Law() {
  static const law::ParameterSet kLaw = *law::ParameterSet::LoadEmbedded();
  return kLaw;
}

constexpr std::string_view kValid =
    R"({"effective_date":"2025-04-07","paying_parent":{"income":{"weekly_pence":60000}},)"
    R"("receiving_parents":[{"id":"A","children":[{"id":"c1","nights_with_paying_parent":0}]}]})";

struct Ran {
  int status = -1;
  std::string out;
  std::string err;
  std::vector<std::string> Lines() const {
    std::vector<std::string> lines;
    std::istringstream in(out);
    for (std::string l; std::getline(in, l);) {
      lines.push_back(l);
    }
    return lines;
  }
};

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

Ran RunWith(const std::string& input, CalcOptions options) {
  // Tests run as parallel processes: name the files after the test and the process.
  const std::string dir = ::testing::TempDir() +
                          ::testing::UnitTest::GetInstance()->current_test_info()->name() +
                          std::to_string(::getpid()) + "_";
  const std::string in = dir + "calc_in", out = dir + "calc_out", err = dir + "calc_err";
  std::ofstream(in, std::ios::binary) << input;
  const int in_fd = ::open(in.c_str(), O_RDONLY);
  const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  Ran r;
  r.status = RunCalc(Law(), options, in_fd, out_fd, err_fd);
  ::close(in_fd);
  ::close(out_fd);
  ::close(err_fd);
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

const CalcOptions kJsonl{.jsonl = true, .steps = false};

bool IsError(const std::string& line, std::string_view code) {
  return line.find("\"code\":\"" + std::string(code) + "\"") != std::string::npos;
}

TEST(CalcStream, JsonlFraming) {
  const std::string v(kValid);
  EXPECT_EQ(RunWith("", kJsonl).out, "");
  EXPECT_EQ(RunWith(v, kJsonl).Lines().size(), 1u);           // no final newline
  EXPECT_EQ(RunWith(v + "\n", kJsonl).Lines().size(), 1u);    // final newline: no extra request
  EXPECT_EQ(RunWith(v + "\r\n" + v + "\r\n", kJsonl).Lines().size(), 2u);
  const Ran r = RunWith(v + "\n\n{\n" + v, kJsonl);
  ASSERT_EQ(r.status, 0);
  const auto lines = r.Lines();
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_NE(lines[0].find("\"weekly_liability_pence\":7200"), std::string::npos);
  EXPECT_TRUE(IsError(lines[1], "malformed_json"));  // the empty line
  EXPECT_TRUE(IsError(lines[2], "malformed_json"));
  EXPECT_NE(lines[3].find("\"weekly_liability_pence\":7200"), std::string::npos);
  EXPECT_EQ(lines[0].find("\"steps\""), std::string::npos);
}

TEST(CalcStream, OversizedLinesAreAnsweredAndSkipped) {
  const std::string v(kValid);
  const std::string huge = "{\"x\":\"" + std::string(3 << 20, 'a') + "\"}";
  const Ran r = RunWith(v + "\n" + huge + "\n" + v + "\n" + huge, kJsonl);
  ASSERT_EQ(r.status, 0);
  const auto lines = r.Lines();
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_TRUE(IsError(lines[1], "request_too_large"));
  EXPECT_NE(lines[2].find("\"rate\":\"basic\""), std::string::npos);
  EXPECT_TRUE(IsError(lines[3], "request_too_large"));
}

TEST(CalcStream, ManyLinesInOrder) {
  std::string input;
  for (int i = 0; i < 5000; ++i) {
    std::string line(kValid);
    line.replace(line.find("60000"), 5, std::to_string(20000 + i));
    input += line + "\n";
  }
  const auto lines = RunWith(input, kJsonl).Lines();
  ASSERT_EQ(lines.size(), 5000u);
  EXPECT_NE(lines[4999].find("\"gross_weekly_income_pence\":24999"), std::string::npos);
}

TEST(CalcStream, SingleModeExitStatusesAndExplanation) {
  const Ran ok = RunWith(std::string(kValid), CalcOptions{});
  EXPECT_EQ(ok.status, 0);
  EXPECT_NE(ok.out.find("\"steps\":["), std::string::npos);
  EXPECT_EQ(ok.out.back(), '\n');
  const Ran bad = RunWith("{\"effective_date\":1}", CalcOptions{});
  EXPECT_EQ(bad.status, 2);
  EXPECT_TRUE(IsError(bad.out, "invalid_field") || IsError(bad.out, "missing_field"));
  EXPECT_EQ(RunWith("", CalcOptions{}).status, 2);
  const Ran explained = RunWith(std::string(kValid), CalcOptions{.explain = true});
  EXPECT_NE(explained.err.find("Basic rate for 1 qualifying child: 12% of \xC2\xA3" "600.00"),
            std::string::npos);
  const Ran quiet = RunWith(std::string(kValid), CalcOptions{.steps = false, .explain = true});
  EXPECT_EQ(quiet.out.find("\"steps\""), std::string::npos);
  EXPECT_NE(quiet.err.find("Law:"), std::string::npos);
  const Ran big = RunWith(std::string(kValid) + std::string(2 << 20, ' '), CalcOptions{});
  EXPECT_EQ(big.status, 2);
  EXPECT_TRUE(IsError(big.out, "request_too_large"));
}

}  // namespace
}  // namespace childmaint::contract
