#!/usr/bin/env bash
# tests/model_map.sh — docs/model.md maps the lease protocol model to the code. Fails when a
# name the map gives as `path:name` no longer exists in that file (a C function or constant,
# an SQL function, a model process, inline or macro), or when a process or inline of the
# model is missing from the map.
set -uo pipefail

ROOT=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
MAP="$ROOT/docs/model.md"
MODEL="$ROOT/model/jobq.pml"
fail=0

[[ -f "$MAP" ]] || { echo "model_map: $MAP is missing"; exit 1; }
[[ -f "$MODEL" ]] || { echo "model_map: $MODEL is missing"; exit 1; }

# shellcheck disable=SC2016  # the backquotes are the Markdown code spans the regex matches
refs=$(grep -oE '`[A-Za-z0-9_./-]+\.(c|h|sql|pml):[A-Za-z_][A-Za-z0-9_]*`' "$MAP" | tr -d '`' | sort -u)
count=$(printf '%s\n' "$refs" | grep -c . || true)
if (( count < 40 )); then
  echo "model_map: only $count references found in docs/model.md (the map's format changed?)"
  exit 1
fi

for ref in $refs; do
  path=${ref%%:*}
  name=${ref##*:}
  file="$ROOT/$path"
  if [[ ! -f "$file" ]]; then
    echo "model_map: docs/model.md names $ref, but $path does not exist"
    fail=1
    continue
  fi
  case "$path" in
    *.c|*.h)
      # A definition: a line starting a declaration that names it before '(' and does not
      # end in ';' (not a prototype or call), a constant array, or a macro.
      grep -qE "^[A-Za-z_][A-Za-z0-9_ *]*[ *]$name\(([^;]*|.*[^;])$|^(static )?const char $name\[\]|^#define $name\b" "$file" ;;
    *.sql)
      # Created there, and by no later migration: the map names the definition in force.
      # The last migration that creates or drops it must create it, in the file named.
      last=$(grep -liE "(CREATE([[:space:]]+OR[[:space:]]+REPLACE)?|DROP)[[:space:]]+FUNCTION[[:space:]]+(IF[[:space:]]+EXISTS[[:space:]]+)?${name}[[:space:]]*\(" \
             "$ROOT"/migrations/*.sql 2>/dev/null | sort | tail -1)
      if [[ -z "$last" ]]; then
        echo "model_map: docs/model.md names $ref, but no migration creates $name"; false
      elif [[ "$last" != "$file" ]]; then
        echo "model_map: docs/model.md names $ref, but ${last#"$ROOT"/} changes it later"; false
      elif ! grep -qiE "CREATE([[:space:]]+OR[[:space:]]+REPLACE)?[[:space:]]+FUNCTION[[:space:]]+${name}[[:space:]]*\(" "$file"; then
        echo "model_map: docs/model.md names $ref, but $path drops it"; false
      fi ;;
    *.pml) grep -qE "^(active )?proctype $name\(|^inline $name\(|^#define $name\b" "$file" ;;
  esac || { echo "model_map: docs/model.md names $ref, but $path has no $name"; fail=1; }
done

# Every process and inline of the model has its row.
while read -r name; do
  grep -q "model/jobq.pml:$name\`" "$MAP" ||
    { echo "model_map: model/jobq.pml has $name, which docs/model.md does not map"; fail=1; }
done < <(sed -nE 's/^(active )?proctype ([A-Za-z_][A-Za-z0-9_]*)\(.*/\2/p; s/^inline ([A-Za-z_][A-Za-z0-9_]*)\(.*/\1/p' "$MODEL")

(( fail )) && exit 1
echo "model_map: $count references in docs/model.md resolve; every process and inline is mapped"
