#!/usr/bin/env bash
# `make run` until the service exists: a calculation demo through the real CLI.
set -euo pipefail
BUILD="${1:-build}"
request='{"effective_date":"2025-04-07","paying_parent":{"income":{"weekly_pence":60000},"relevant_other_children":1},"receiving_parents":[{"id":"A","children":[{"id":"c1","nights_with_paying_parent":0},{"id":"c2","nights_with_paying_parent":110}]}],"collection":"collect_and_pay"}'
echo "Request:"
echo "$request"
echo
echo "Response (build/childmaint calc --explain):"
echo "$request" | "$BUILD/childmaint" calc --explain
