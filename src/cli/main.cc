// childmaint: the project's single command-line program. The only file that includes CLI11.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/params.h"
#include "contract/calc_stream.h"
#include "law/parameter_set.h"

namespace {

constexpr int kExitUsage = 64;
constexpr int kExitSoftware = 70;

int Usage(const CLI::App& app, const std::string& why) {
  std::fprintf(stderr, "childmaint: %s\n%s", why.c_str(), app.help().c_str());
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  using childmaint::contract::CalcOptions;
  CLI::App app{"childmaint - the Child Maintenance Service 2012 scheme"};
  app.require_subcommand(1);

  CalcOptions calc_options;
  CLI::App* calc = app.add_subcommand("calc", "Calculate child maintenance (calc-contract.md)");
  calc->add_flag("--jsonl", calc_options.jsonl, "One request per line, one response per line");
  bool no_steps = false;
  calc->add_flag("--no-steps", no_steps, "Leave the steps array out of responses");
  calc->add_flag("--explain", calc_options.explain,
                 "Also write a plain-English explanation on stderr (single mode only)");

  childmaint::cli::ParamsOptions params_options;
  CLI::App* params = app.add_subcommand("params", "Check or show the law/ parameter files");
  params->require_subcommand(1);
  CLI::App* lint = params->add_subcommand("lint", "Check every law/ file");
  lint->add_option("--dir", params_options.dir, "A law/ directory (default: the built-in files)");
  lint->add_option("--today", params_options.today, "Report reviews older than 400 days");
  CLI::App* show = params->add_subcommand("show", "Print the figures in force on a date");
  show->add_option("--dir", params_options.dir, "A law/ directory (default: the built-in files)");
  show->add_option("--on", params_options.on, "The date, YYYY-MM-DD")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return Usage(app, e.what());
  }

  if (calc->parsed()) {
    if (calc_options.explain && calc_options.jsonl) {
      return Usage(*calc, "--explain works only without --jsonl");
    }
    calc_options.steps = !no_steps;
    auto law = childmaint::law::ParameterSet::LoadEmbedded();
    if (!law) {
      std::fprintf(stderr, "childmaint: law files do not load: %s\n", law.error().message.c_str());
      return kExitSoftware;
    }
    return childmaint::contract::RunCalc(*law, calc_options, 0, 1, 2);
  }
  if (lint->parsed()) {
    return childmaint::cli::RunParamsLint(params_options);
  }
  if (show->parsed()) {
    return childmaint::cli::RunParamsShow(params_options);
  }
  return Usage(app, "no command given");
}
