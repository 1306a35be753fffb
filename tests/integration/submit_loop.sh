#!/usr/bin/env bash
# submit_loop.sh N OUT [PAUSE_S [SLEEP_S]] — helper of the recovery tests (not a test itself):
# submits N jobs one `jobq submit` at a time ($JOBQ_BIN_DIR/jobq, with the caller's JOBQ_*
# environment), alternating `noop {"i":I}` and `sleep {"seconds":SLEEP_S,"i":I}` (default 0.2),
# pausing PAUSE_S (default 0) between submits, each bounded to 30 s. Appends one line per
# submit to OUT, tab-separated:
#   I  EXIT_STATUS  ID_PRINTED  WARNED(1 if anything on stderr)  END_MS  FIRST_STDERR_LINE
# With $SUBMIT_LOOP_STOP naming a file, it also stops (before N) once that file exists.
# Run it with start_proc so the test's EXIT trap stops it.
set -u
n="$1" out="$2" pause="${3:-0}" secs="${4:-0.2}"
jobq="$JOBQ_BIN_DIR/jobq"
# Hundreds of identical submits: LeakSanitizer's exit scan (~35 ms of CPU each in the ASan
# build) would find nothing the single submits of the other tests, which keep it on, do not.
# Appended, so every other ASAN_OPTIONS setting of the environment still holds.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/jobq-submit-loop.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
trap 'exit 143' TERM
for ((i = 1; i <= n; i++)); do
  [[ -n "${SUBMIT_LOOP_STOP:-}" && -e "$SUBMIT_LOOP_STOP" ]] && break
  if (( i % 2 )); then
    set -- noop "{\"i\":$i}"
  else
    set -- sleep "{\"seconds\":$secs,\"i\":$i}"
  fi
  rc=0
  timeout -k 5 30 "$jobq" submit "$@" </dev/null >"$tmp/out" 2>"$tmp/err" || rc=$?
  t=${EPOCHREALTIME/./}
  printf '%d\t%d\t%s\t%d\t%d\t%s\n' "$i" "$rc" "$(head -n1 "$tmp/out")" "$([[ -s "$tmp/err" ]] && echo 1 || echo 0)" \
    "$((10#$t / 1000))" "$(head -n1 "$tmp/err" | tr '\t' ' ')" >>"$out"
  [[ "$pause" == 0 ]] || sleep "$pause"
done
