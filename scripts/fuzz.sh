#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ one after the other, each for SECONDS (default 15), on
# the corpus in FUZZ_CORPUS (default fuzz/corpus, git-ignored). A missing corpus is seeded by
# fuzz/seeds.py from the fixtures and, when SANCTIONS_DATA_DIR is set, from slices of the
# official list files.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      # all targets when none is named
#
# One fuzzer process at a time, at the lowest priority (the machine also runs benchmarks).
# Installs cargo-fuzz 0.13.2 when it is missing; needs python3. On a stable toolchain
# RUSTC_BOOTSTRAP=1 allows the nightly flags cargo-fuzz passes. The build has debug assertions
# and overflow checks on (-a) and no sanitizer (the crate forbids unsafe code; without ASan
# the targets run about twice as fast).
#
# FUZZ_SEED fixes libFuzzer's random seed: from the same seed corpus, a run then tries the same
# mutations in the same order, as far as its time allows (a slower machine stops earlier), so
# that a short run in CI mostly repeats its verdict for a commit rather than drawing anew.
#
# Prints one line per run: target, seconds, executions, corpus size, crashes. A crash,
# timeout or out-of-memory input is left in fuzz/artifacts/<target>/ and the script fails.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds="${1:-15}"
shift || true
targets=("$@")
export RUSTC_BOOTSTRAP=1
corpus_dir="${FUZZ_CORPUS:-corpus}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
if [ ! -d "$corpus_dir" ]; then
  python3 seeds.py "$corpus_dir" ${SANCTIONS_DATA_DIR:+"$SANCTIONS_DATA_DIR"} >/dev/null
fi
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo fuzz list)
fi
nice -n 19 cargo fuzz build -a -s none >/dev/null
mkdir -p target/logs
cat dict/*.dict >target/all.dict

max_len() {
  case "$1" in
    normalize | screen | compare) echo 4096 ;;
    *) echo 65536 ;;
  esac
}

dict() {
  case "$1" in
    read_ofac_xml) echo dict/ofac_xml.dict ;;
    read_ofac_advanced) echo dict/ofac_advanced.dict ;;
    read_ofac_enhanced | read_ofac_enhanced_zip) echo dict/ofac_enhanced.dict ;;
    read_ofac_csv) echo dict/ofac_csv.dict ;;
    read_eu) echo dict/eu.dict ;;
    read_un) echo dict/un.dict ;;
    read_canada) echo dict/canada.dict ;;
    read_csl) echo dict/csl.dict ;;
    read_uk_csv | read_uk_legacy) echo dict/uk.dict ;;
    read_uk_xlsx | read_uk_xlsx_parts) echo dict/uk_xlsx.dict ;;
    read_opensanctions_ftm | read_opensanctions_simple) echo dict/opensanctions.dict ;;
    read_detect) echo target/all.dict ;;
  esac
}

failed=0
for t in "${targets[@]}"; do
  mkdir -p "$corpus_dir/$t" "artifacts/$t"
  before=$(find "artifacts/$t" -type f | wc -l)
  d=$(dict "$t")
  log="target/logs/$t-$(date +%Y%m%dT%H%M%S).log"
  start=$(date +%s.%N)
  status=0
  nice -n 19 cargo fuzz run -a -s none "$t" "$corpus_dir/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len="$(max_len "$t")" \
    -print_final_stats=1 ${d:+-dict="$d"} ${FUZZ_SEED:+-seed="$FUZZ_SEED"} >"$log" 2>&1 || status=$?
  end=$(date +%s.%N)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  corpus=$(find "$corpus_dir/$t" -type f | wc -l)
  crashes=$(($(find "artifacts/$t" -type f | wc -l) - before))
  printf '%s\t%.0f s\t%s execs\t%s inputs\t%s crashes\t%s\n' \
    "$t" "$(echo "$end - $start" | bc)" "${execs:-?}" "$corpus" "$crashes" "$log"
  if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    failed=1
    grep -m1 -E "panicked|ERROR: libFuzzer" "$log" >&2 || tail -5 "$log" >&2
  fi
done
exit "$failed"
