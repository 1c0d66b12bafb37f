#!/usr/bin/env bash
# Runs the libFuzzer targets (the time language, CSV, vCard, fu's JSON import and the zone reader) for N seconds
# each (default 60) on a corpus seeded from tests/data, FU_FUZZ_JOBS of them at a time (default:
# the number of cores). Exit status 1 when a target finds a crash, a leak, a hang or an abort (an
# import that did not commit all or nothing); the input is kept in BUILD/fuzz/crashes/.
#
# The targets are built in FU_FUZZ_BUILD (default build-fuzz), configured there with clang-14,
# ASan and UBSan unless that directory is already configured (CI reuses its sanitizer build, made
# with -DFU_FUZZ=ON). Needs Debian clang-14 and libclang-rt-14-dev.
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${FU_FUZZ_BUILD:-$root/build-fuzz}
jobs=${FU_FUZZ_JOBS:-$(nproc)}
if [ ! -f "$build/CMakeCache.txt" ]; then
    CXX=${CXX_FUZZ:-clang++-14} cmake -S "$root" -B "$build" -DFU_FUZZ=ON -DFU_SANITIZE=ON \
        -DFU_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j"$jobs" --target fuzz_when fuzz_csv fuzz_vcard fuzz_json fuzz_zone
mkdir -p "$build/fuzz/crashes"

seed() {
    local target=$1 corpus=$2
    case $target in
    when) printf '%s\n' "tomorrow afternoon" "by friday 3pm" "next week" "in 2 hours" "mon-wed 9-11am pacific" \
              "end of month" "after lunch their time" "dec 24" "in a day or so" "first thing monday" \
              "between 2 and 4 on the 3rd" "eod" "the week after next" | split -l 1 - "$corpus/seed-" ;;
    csv) find "$root/tests/data" -name '*.csv' -size -64k -exec cp {} "$corpus/" \; ;;
    vcard) find "$root/tests/data" -name '*.vcf' -size -64k -exec cp {} "$corpus/" \; ;;
    json) find "$root/tests/data" -name '*.json' -size -64k -exec cp {} "$corpus/" \; ;;
    zone) for z in America/New_York Europe/London Australia/Lord_Howe America/Nuuk Asia/Tehran UTC; do
              cp "/usr/share/zoneinfo/$z" "$corpus/tzif-${z//\//-}"
          done
          i=0
          for rule in "EST5EDT,M3.2.0,M11.1.0" "<+03>-3" "IST-2IDT,M3.4.4/26,M10.5.0" \
              "<-02>2<-01>,M3.5.0/-1,M10.5.0/0" "XST-1XDT,J60/2,59/2" \
              "YYe0XDT,0,365/4" "EST5EDT,0/0,J365/25" "EST5EDT,M1.1.0/-143,M1.1.0/-141" \
              "XXX0YYY,59/1,J60/2"; do
              printf '%s' "$rule" >"$corpus/posix-$((i++))"
          done ;;
    esac
}

# Runs one target; its log is BUILD/fuzz/TARGET.log, and its status says whether it found anything.
fuzz() {
    local target=$1 corpus="$build/fuzz/corpus-$1"
    mkdir -p "$corpus"
    seed "$target" "$corpus"
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 "$build/fuzz/fuzz_$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -print_final_stats=1 -artifact_prefix="$build/fuzz/crashes/$target-" "$corpus" \
        >"$build/fuzz/$target.log" 2>&1
}

status=0
pids=() names=()
report() {
    local i=$1
    if wait "${pids[$i]}"; then
        echo "fuzz_${names[$i]}: ${seconds} s, nothing found ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' \
            "$build/fuzz/${names[$i]}.log" | grep -o '[0-9]*$' || echo '?') inputs)"
    else
        echo "fuzz_${names[$i]} FAILED: see $build/fuzz/${names[$i]}.log and $build/fuzz/crashes/"
        tail -40 "$build/fuzz/${names[$i]}.log"
        status=1
    fi
}
for target in when csv vcard json zone; do
    fuzz "$target" &
    pids+=($!) names+=("$target")
    if [ "${#pids[@]}" -ge "$jobs" ]; then
        report 0
        pids=("${pids[@]:1}") names=("${names[@]:1}")
    fi
done
while [ "${#pids[@]}" -gt 0 ]; do
    report 0
    pids=("${pids[@]:1}") names=("${names[@]:1}")
done
exit $status
