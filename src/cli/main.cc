// childmaint: the project's single command-line program. The only file that includes CLI11.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/params.h"
#include "cli/service_commands.h"
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

  childmaint::cli::ServeOptions serve_options;
  CLI::App* serve = app.add_subcommand("serve", "Run the HTTP API and portal");
  serve->add_option("--port", serve_options.port, "Port (0 picks a free one)");
  serve->add_option("--db", serve_options.db, "sqlite:PATH (default sqlite:childmaint.db)");
  serve->add_option("--threads", serve_options.threads, "I/O threads (default: cores)");
  serve->add_option("--assets", serve_options.assets,
                    "GOV.UK Frontend files (default: the assets directory beside the program)");
  serve->add_option("--documents", serve_options.documents,
                    "Directory for uploaded documents (default: the database file + .documents)");
  serve->add_flag("--fast-pin-hashing", serve_options.fast_pin_hashing,
                  "Minimum Argon2id cost (tests and demos only)");

  std::string admin_db = "sqlite:childmaint.db";
  std::string role;
  std::string token_name = "caseworker";
  CLI::App* admin = app.add_subcommand("admin", "Administration");
  admin->require_subcommand(1);
  CLI::App* token = admin->add_subcommand("token", "Print a new bearer token");
  token->add_option("--role", role, "caseworker, team_leader or auditor")
      ->required()
      ->check(CLI::IsMember({"caseworker", "team_leader", "auditor"}));
  token->add_option("--db", admin_db, "sqlite:PATH (default sqlite:childmaint.db)");
  token->add_option("--name", token_name, "Who the token is for (recorded in the audit trail)");
  std::string outbox_case;
  CLI::App* outbox = admin->add_subcommand("outbox", "Print the notifications outbox as JSON lines");
  outbox->add_option("--db", admin_db, "sqlite:PATH (default sqlite:childmaint.db)");
  outbox->add_option("--case", outbox_case, "Only this case's notifications (a case reference)");
  std::string account_name;
  CLI::App* account = admin->add_subcommand("account", "Create a caseworker console account");
  account->add_option("--role", role, "caseworker, team_leader or auditor")
      ->required()
      ->check(CLI::IsMember({"caseworker", "team_leader", "auditor"}));
  account->add_option("--name", account_name, "Unique: letters, digits, '.', '-', '_'")->required();
  account->add_option("--db", admin_db, "sqlite:PATH (default sqlite:childmaint.db)");

  childmaint::cli::DemoDataOptions demo_options;
  CLI::App* demo = app.add_subcommand("demo-data", "Create realistic demo cases");
  demo->add_option("--cases", demo_options.cases, "How many cases")->check(CLI::Range(1, 5000000));
  demo->add_option("--as-of", demo_options.as_of, "YYYY-MM-DD (default today)");
  demo->add_option("--db", demo_options.db, "sqlite:PATH (default sqlite:childmaint.db)");
  demo->add_option("--seed", demo_options.seed, "Random seed (default 1)");

  childmaint::cli::ReviewOptions review_options;
  CLI::App* review = app.add_subcommand("review", "Annual review of every case due");
  review->add_option("--as-of", review_options.as_of, "YYYY-MM-DD (default today)");
  review->add_option("--db", review_options.db, "sqlite:PATH (default sqlite:childmaint.db)");

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
  if (serve->parsed()) {
    return childmaint::cli::RunServe(serve_options);
  }
  if (token->parsed()) {
    return childmaint::cli::RunAdminToken(admin_db, role, token_name);
  }
  if (outbox->parsed()) {
    return childmaint::cli::RunAdminOutbox(admin_db, outbox_case);
  }
  if (account->parsed()) {
    return childmaint::cli::RunAdminAccount(admin_db, role, account_name);
  }
  if (demo->parsed()) {
    return childmaint::cli::RunDemoData(demo_options);
  }
  if (review->parsed()) {
    return childmaint::cli::RunReview(review_options);
  }
  if (lint->parsed()) {
    return childmaint::cli::RunParamsLint(params_options);
  }
  if (show->parsed()) {
    return childmaint::cli::RunParamsShow(params_options);
  }
  return Usage(app, "no command given");
}
