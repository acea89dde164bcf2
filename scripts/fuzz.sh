#!/usr/bin/env bash
# Runs each libFuzzer target built by `make fuzz` for a fixed time, one after the other.
# Usage: scripts/fuzz.sh BIN_DIR SECONDS TARGET...   (targets: deck, answer)
# New inputs go to .build/fuzz/corpus/TARGET (the committed seeds in Tests/Fuzz/corpus/TARGET
# are read, never written); crashes, hangs and memory blow-ups to .build/fuzz/crashes/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1 seconds=$2
shift 2
status=0
for target in "$@"; do
    work=.build/fuzz/corpus/$target crashes=.build/fuzz/crashes/$target log=.build/fuzz/logs/$target.log
    mkdir -p "$work" "$crashes" "$(dirname "$log")"
    # A deck is a whole file; an answer is one typed line.
    case $target in
        deck) max_len=65536 ;;
        *) max_len=1024 ;;
    esac
    dict=()
    [ -f "Tests/Fuzz/$target.dict" ] && dict=(-dict="Tests/Fuzz/$target.dict")
    echo "fuzz: $target for ${seconds}s (log $log, crashes $crashes/)"
    # -timeout: an input slower than 10 s is a hang; -rss_limit_mb: a blow-up past 2 GiB is a finding.
    # Leak checks stay off: the Swift runtime's caches read as leaks and are not findings.
    if ! ASAN_OPTIONS=detect_leaks=0 "$bin/lectern-fuzz-$target" "$work" "Tests/Fuzz/corpus/$target" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
        -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1; then
        status=1
    fi
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
    found=$(find "$crashes" -type f | sort)
    if [ -n "$found" ]; then
        status=1
        echo "fuzz: $target found inputs that crash, hang or blow up memory:"
        echo "$found"
        echo "fuzz: replay one without the sanitizer: swift run lectern-fuzz-$target FILE"
    else
        echo "fuzz: $target found nothing"
    fi
done
exit $status
