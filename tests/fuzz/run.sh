#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) in build-fuzz and runs each for N seconds
# (default 60) on a corpus seeded from tests/data. Exit status 1 when a target finds a crash, a
# leak, a hang or an abort (an import that did not commit all or nothing); the input is kept in
# build-fuzz/fuzz/crashes/. Needs Debian clang-14 and libclang-rt-14-dev.
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${FU_FUZZ_BUILD:-$root/build-fuzz}
CXX=${CXX_FUZZ:-clang++-14} cmake -S "$root" -B "$build" -DFU_FUZZ=ON -DFU_SANITIZE=ON \
    -DFU_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"${FU_FUZZ_JOBS:-2}" --target fuzz_when fuzz_csv fuzz_vcard fuzz_json
mkdir -p "$build/fuzz/crashes"
status=0
for target in when csv vcard json; do
    corpus="$build/fuzz/corpus-$target"
    mkdir -p "$corpus"
    case $target in
    when) printf '%s\n' "tomorrow afternoon" "by friday 3pm" "next week" "in 2 hours" "mon-wed 9-11am pacific" \
              "end of month" "after lunch their time" "dec 24" | split -l 1 - "$corpus/seed-" ;;
    csv) find "$root/tests/data" -name '*.csv' -size -64k -exec cp {} "$corpus/" \; ;;
    vcard) find "$root/tests/data" -name '*.vcf' -size -64k -exec cp {} "$corpus/" \; ;;
    json) find "$root/tests/data" -name '*.json' -size -64k -exec cp {} "$corpus/" \; ;;
    esac
    echo "fuzz_$target: $seconds s"
    if ! UBSAN_OPTIONS=halt_on_error=1 "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
            -rss_limit_mb=2048 -max_len=16384 -print_final_stats=0 \
            -artifact_prefix="$build/fuzz/crashes/$target-" "$corpus" 2>"$build/fuzz/$target.log"; then
        echo "fuzz_$target FAILED: see $build/fuzz/$target.log and $build/fuzz/crashes/"
        tail -40 "$build/fuzz/$target.log"
        status=1
    fi
done
exit $status
