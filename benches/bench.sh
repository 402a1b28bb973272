#!/usr/bin/env bash
# Times the presslint binary on a generated corpus against ripgrep, and prints one markdown
# table (the `## Performance` table of README.md).
#
#   bash benches/bench.sh [--files N] [--seed S] [--big-mb M] [--runs R] [--archive]
#
# Builds the release binary and the corpus generator (examples/corpus.rs), generates N
# releases (default 6000) and one giant release of M MB (default 50) into target/bench-corpus
# (reused when the parameters and the generator are unchanged), then measures, each command run
# once to warm the cache and then R times (default 3, median wall time, highest peak RSS):
#   - presslint `check --format json` (default pack) with 1 and 2 threads;
#   - ripgrep -j1 and -j2 with five reference patterns in one invocation (-P for the
#     backreference of the repeated word when rg has PCRE2, else doubled common words);
#   - start-up: one small release, process start to exit, median of 30 runs, presslint and rg;
#   - the giant release: `check` and `check --fix` (on a fresh copy each run);
#   - with --archive: 100,000 releases, 2 threads, run twice, the second reported.
# Findings make presslint exit 1; exit codes are ignored. Threads: `--threads N` when
# `presslint check --help` offers it, else RAYON_NUM_THREADS=N (which rayon honours).
set -euo pipefail
cd "$(dirname "$0")/.."

FILES=6000 SEED=1 BIG_MB=50 RUNS=3 ARCHIVE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --files) FILES=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --big-mb) BIG_MB=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --archive) ARCHIVE=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

# The reference is a current ripgrep (`cargo install ripgrep`): Debian's ripgrep 13 matches
# Unicode word boundaries an order of magnitude slower, which would flatter presslint.
if [ -z "${RG:-}" ] && [ -x "$HOME/.cargo/bin/rg" ]; then RG=$HOME/.cargo/bin/rg; fi
RG=${RG:-$(command -v rg)}
OUT=target/bench-corpus
PL=target/release/presslint
GEN=target/release/examples/corpus
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

echo "building presslint and the corpus generator (release)..." >&2
cargo build --release --quiet --bin presslint --example corpus

# Generates DIR with N releases (and the giant file when BIG is set), unless DIR/params says
# the same parameters and generator already wrote it.
generate() {
  local dir=$1 n=$2 big=${3:-} format=${4:-text}
  local stamp
  stamp="files=$n seed=$SEED big=${big:+$BIG_MB} format=$format gen=$(cat benches/support/corpus.rs benches/support/formats.rs examples/corpus.rs | sha256sum | cut -c1-16)"
  if [ "$(cat "$dir/params" 2>/dev/null)" = "$stamp" ]; then
    echo "reusing $dir ($stamp)" >&2
    return
  fi
  echo "generating $dir ($stamp)..." >&2
  mkdir -p "$dir"
  "$GEN" --out "$dir/corpus" --files "$n" --seed "$SEED" --format "$format" ${big:+--big "$dir/big.txt" --big-mb "$BIG_MB"} >&2
  echo "$stamp" > "$dir/params"
}
generate "$OUT" "$FILES" big

if "$PL" check --help | grep -q -- '--threads'; then
  threads() { echo "$PL check --threads $1"; }
  THREADS_HOW="--threads N"
else
  threads() { echo "env RAYON_NUM_THREADS=$1 $PL check"; }
  THREADS_HOW="RAYON_NUM_THREADS=N (no --threads yet)"
fi

# One timed run of "$@": prints "nanoseconds peak_rss_kb". PREP, when set, runs untimed first.
once() {
  if [ -n "${PREP:-}" ]; then eval "$PREP"; fi
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f %M -o "$TMP/rss" "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo "$((end - start)) $(tail -n 1 "$TMP/rss")"
}

# Warm-up run, then RUNS runs: prints "median_seconds max_rss_kb".
measure() {
  once "$@" >/dev/null
  for _ in $(seq "$RUNS"); do once "$@"; done | python3 -c '
import statistics, sys
rows = [tuple(map(int, l.split())) for l in sys.stdin]
print(statistics.median(r[0] for r in rows) / 1e9, max(r[1] for r in rows))'
}

# Median wall time in ms of 30 runs of "$@" (after one warm-up), timed in one process so that
# starting a `date` twice per run is not counted.
startup() {
  python3 - "$@" <<'PY'
import statistics, subprocess, sys, time
cmd = sys.argv[1:]
subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
runs = []
for _ in range(30):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    runs.append(time.perf_counter() - start)
print(statistics.median(runs) * 1000)
PY
}

CORPUS=$OUT/corpus
BIG=$OUT/big.txt
BYTES=$(python3 -c 'import json, sys; print(sum(json.loads(l)["bytes"] for l in open(sys.argv[1])))' "$CORPUS/manifest.jsonl")
BIG_BYTES=$(stat -c %s "$BIG")
SMALL=$(python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
small = min((r for r in rows if r["language"] == "en"), key=lambda r: r["bytes"])
print(small["file"])' "$CORPUS/manifest.jsonl")
US='(January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{1,2}, [0-9]{4}'
# A repeated word in general needs a backreference, which only PCRE2 (-P) has, and -P makes
# ripgrep about five times slower on this corpus. The reference is the stricter one: the
# default engine, with the repeated word spelled out as ten doubled common words.
REPEAT=(-e '\b(the the|to to|of of|and and|a a|in in|on on|for for|that that|is is)\b')
RG_HOW="default engine (the repeated word is 10 doubled common words: -P would be ~5x slower)"
RG_ARGS=(--no-config --no-ignore -n "${REPEAT[@]}" -e "$US" -e 'Secretary General'
  -e '\[DRAFT\]|\bTK\b' -e 'For information media')
# A ripgrep error (exit 2) would be timed as a very fast run: stop instead.
rc=0; "$RG" -j1 "${RG_ARGS[@]}" "$CORPUS" >/dev/null 2>"$TMP/rg.err" || rc=$?
if [ "$rc" -gt 1 ]; then echo "bench.sh: rg failed: $(cat "$TMP/rg.err")" >&2; exit 2; fi

echo "measuring (warm cache, median of $RUNS)..." >&2
# shellcheck disable=SC2046
read -r P1 P1_RSS < <(measure $(threads 1) --format json "$CORPUS")
# shellcheck disable=SC2046
read -r P2 P2_RSS < <(measure $(threads 2) --format json "$CORPUS")
read -r R1 R1_RSS < <(measure "$RG" -j1 "${RG_ARGS[@]}" "$CORPUS")
read -r R2 R2_RSS < <(measure "$RG" -j2 "${RG_ARGS[@]}" "$CORPUS")
PS=$(startup "$PL" check --format json "$CORPUS/$SMALL")
RS=$(startup "$RG" -j1 "${RG_ARGS[@]}" "$CORPUS/$SMALL")
read -r B1 B1_RSS < <(measure "$PL" check --format json "$BIG")
mkdir -p "$TMP/fix"
read -r BF BF_RSS < <(PREP="cp '$BIG' '$TMP/fix/big.txt'" measure "$PL" check --fix --format json "$TMP/fix/big.txt")
read -r RB RB_RSS < <(measure "$RG" -j1 "${RG_ARGS[@]}" "$BIG")

# The same releases as HTML pages and as Markdown files: what reading the markup costs.
FORMAT_ROWS=""
for format in html markdown; do
  generate "$OUT/$format" "$FILES" "" "$format"
  F_BYTES=$(python3 -c 'import json, sys; print(sum(json.loads(l)["bytes"] for l in open(sys.argv[1])))' "$OUT/$format/corpus/manifest.jsonl")
  # shellcheck disable=SC2046
  read -r F F_RSS < <(measure $(threads 1) --format json "$OUT/$format/corpus")
  FORMAT_ROWS="$FORMAT_ROWS $format:$F:$F_RSS:$F_BYTES"
done

A="" A_RSS="" A_BYTES="" A_FILES=""
if [ "$ARCHIVE" = 1 ]; then
  A_FILES=100000
  generate "$OUT/archive" "$A_FILES"
  A_BYTES=$(python3 -c 'import json, sys; print(sum(json.loads(l)["bytes"] for l in open(sys.argv[1])))' "$OUT/archive/corpus/manifest.jsonl")
  # shellcheck disable=SC2046
  once $(threads 2) --format json "$OUT/archive/corpus" >/dev/null
  # shellcheck disable=SC2046
  read -r A A_RSS < <(once $(threads 2) --format json "$OUT/archive/corpus")
  A=$(python3 -c "print($A / 1e9)")
fi

python3 - "$FILES" "$BYTES" "$BIG_BYTES" "$P1" "$P1_RSS" "$P2" "$P2_RSS" "$R1" "$R1_RSS" "$R2" "$R2_RSS" \
  "$PS" "$RS" "$B1" "$B1_RSS" "$BF" "$BF_RSS" "$RB" "$RB_RSS" "$A" "$A_RSS" "$A_BYTES" "$A_FILES" \
  "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src benches examples Cargo.toml || echo '+dirty')" \
  "$(nproc)" "$THREADS_HOW" "$("$RG" --version | head -n 1)" "$SEED" "$RUNS" "$RG_HOW" "$FORMAT_ROWS" <<'PY'
import sys
a = sys.argv[1:]
formats = [r.split(":") for r in a[30].split()]
files, nbytes, big = int(a[0]), int(a[1]), int(a[2])
p1, p1r, p2, p2r, r1, r1r, r2, r2r = map(float, a[3:11])
ps, rs, b1, b1r, bf, bfr, rb, rbr = map(float, a[11:19])
arch, arch_r, arch_b, arch_f = a[19:23]
commit, cores, how, rgv, seed, runs, rg_how = a[23:30]
mb = nbytes / 1e6
def row(name, wall, size, n, rss, vs_rg="", vs_1=""):
    mbs = size / 1e6 / wall
    fps = f"{n / wall:,.0f}" if n else ""
    print(f"| {name} | {wall:.3f} s | {mbs:.1f} | {fps} | {rss / 1024:.0f} | {vs_rg} | {vs_1} |")
print(f"Corpus: {files:,} releases, {mb:.1f} MB (seed {seed}, `target/bench-corpus`); giant release "
      f"{big / 1e6:.1f} MB. Commit {commit}, {cores} cores, {rgv}; threads via {how}; warm cache, "
      f"median of {runs} runs; rg patterns: {rg_how}.\n")
print("| run | wall | MB/s | files/s | peak RSS (MB) | ÷ rg -j1 MB/s | ÷ 1 thread |")
print("|---|---:|---:|---:|---:|---:|---:|")
row("presslint check --format json, 1 thread", p1, nbytes, files, p1r, f"{r1 / p1:.2f}", "1.00")
row("presslint check --format json, 2 threads", p2, nbytes, files, p2r, f"{r1 / p2:.2f}", f"{p1 / p2:.2f}")
row("rg -j1, 5 reference patterns", r1, nbytes, files, r1r, "1.00", "1.00")
row("rg -j2, 5 reference patterns", r2, nbytes, files, r2r, f"{r1 / r2:.2f}", f"{r1 / r2:.2f}")
row(f"presslint check, giant release", b1, big, 0, b1r, f"{rb / b1:.2f}", "")
row(f"presslint check --fix, giant release (fresh copy)", bf, big, 0, bfr, "", "")
row("rg -j1, 5 reference patterns, giant release", rb, big, 0, rbr, "1.00", "")
if arch:
    row(f"presslint check, archive of {int(arch_f):,} releases ({int(arch_b) / 1e6:,.0f} MB), 2 threads, 2nd run",
        float(arch), int(arch_b), int(arch_f), float(arch_r), "", "")
print(f"| start-up, one small release (median of 30): presslint | {ps:.1f} ms | | | | | |")
print(f"| start-up, one small release (median of 30): rg -j1 | {rs:.1f} ms | | | | | |")
print()
print("The same releases as HTML pages and as Markdown files (1 thread, `--format json`):\n")
print("| input | size (MB) | wall | MB/s | peak RSS (MB) | time per MB ÷ text |")
print("|---|---:|---:|---:|---:|---:|")
text_per_mb = p1 / (nbytes / 1e6)
print(f"| text | {mb:.1f} | {p1:.3f} s | {mb / p1:.1f} | {p1r / 1024:.0f} | 1.00 |")
for name, wall, rss, size in formats:
    wall, rss, size = float(wall), float(rss), int(size)
    print(f"| {name} | {size / 1e6:.1f} | {wall:.3f} s | {size / 1e6 / wall:.1f} | {rss / 1024:.0f} | "
          f"{wall / (size / 1e6) / text_per_mb:.2f} |")
PY
