#!/usr/bin/env bash
# tests/states_doc.sh — docs/states.md's generated blocks are what the transition table of
# common/job.c prints now (tests/tools/transitions). Each block sits between
#   <!-- BEGIN GENERATED: transitions MODE -->  and  <!-- END GENERATED: transitions MODE -->
# for MODE --mermaid and --markdown. Fails, with the difference and how to regenerate, when a
# block differs or is missing; with --update it rewrites the blocks instead.
#
#   bash tests/states_doc.sh TRANSITIONS_TOOL DOC [--update]
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 || ( $# -eq 3 && "$3" != --update ) ]]; then
  echo "usage: states_doc.sh TRANSITIONS_TOOL DOC [--update]" >&2
  exit 2
fi
tool="$1" doc="$2" update="${3:-}"
tmp=$(mktemp -d)
trap 'rm -rf -- "$tmp"' EXIT

# block MODE FILE — the lines between MODE's markers in FILE (exit 1 if the markers are missing)
block() {
  awk -v b="<!-- BEGIN GENERATED: transitions $1 -->" -v e="<!-- END GENERATED: transitions $1 -->" '
    $0 == e { inside = 0; done = 1 }
    inside { print }
    $0 == b { inside = 1; found = 1 }
    END { exit !(found && done) }' "$2"
}

# replace MODE NEW FILE — FILE with MODE's block replaced by the contents of NEW
replace() {
  awk -v b="<!-- BEGIN GENERATED: transitions $1 -->" -v e="<!-- END GENERATED: transitions $1 -->" \
      -v new="$2" '
    $0 == e { inside = 0 }
    !inside { print }
    $0 == b { inside = 1; while ((getline line < new) > 0) print line }' "$3"
}

rc=0
for mode in --mermaid --markdown; do
  "$tool" "$mode" >"$tmp/want"
  if ! block "$mode" "$doc" >"$tmp/have"; then
    echo "states_doc: $doc has no block between <!-- BEGIN/END GENERATED: transitions $mode --> markers" >&2
    rc=1
    continue
  fi
  if [[ -n "$update" ]]; then
    replace "$mode" "$tmp/want" "$doc" >"$tmp/doc"
    cat "$tmp/doc" >"$doc"
  elif ! diff -u --label "$doc (transitions $mode)" --label "transitions $mode" \
      "$tmp/have" "$tmp/want" >&2; then
    rc=1
  fi
done
if (( rc != 0 )); then
  echo "states_doc: $doc is not what the transition table prints; regenerate it:" \
    "bash tests/states_doc.sh $tool $doc --update" >&2
elif [[ -z "$update" ]]; then
  echo "states_doc: $doc matches the transition table"
fi
exit "$rc"
