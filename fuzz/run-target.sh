#!/usr/bin/env bash
# Fuzzes one target for a number of seconds at the lowest priority, no UI:
#   bash run-target.sh TARGET SECONDS
# Findings go to out/TARGET/default/{crashes,hangs,queue}; fuzzer_stats there has the coverage.
set -euo pipefail
cd "$(dirname "$0")"
target=$1
seconds=${2:-600}
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
mkdir -p out
exec nice -n 19 cargo afl fuzz -V "$seconds" -t 2000 -i "seeds/$target" -o "out/$target" \
  "target/release/$target"
