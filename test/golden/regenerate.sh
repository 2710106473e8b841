#!/usr/bin/env bash
# Regenerates expected.out (and expected.files/) of every `mode: notail` golden case by
# running the real SEC (/usr/bin/sec, 2.9.1) exactly as test/golden/README.md describes.
# Usage: test/golden/regenerate.sh [case-dir...]   (default: every case; runs 8 in parallel)
# Cases whose meta has a `sec: skip ...` line are left alone (their expectations are hand-written).
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "$0")" && pwd)"
SEC="${SEC:-/usr/bin/sec}"

run_case() {
  local dir="$1" work out f name
  dir="$(cd "$dir" && pwd)"
  grep -q '^mode: notail' "$dir/meta" || return 0
  grep -q '^sec: skip' "$dir/meta" && return 0
  work="$(mktemp -d)"
  out="$work/out"
  mkdir "$out"
  local -a argv=("$SEC" --notail)
  for f in "$dir"/rules*.sec; do
    name="$(basename "$f")"
    sed "s|\$GOLDEN_OUT|$out|g" "$f" >"$work/$name"
    argv+=("--conf=$name")
  done
  for f in "$dir"/input*; do
    [ -e "$f" ] || continue
    # strip the virtual-time prefix ("+N " or "@N "); under --notail every line is read at once
    sed -E 's/^[+@][0-9]+ //' "$f" >"$work/$(basename "$f")"
  done
  local has_input=0
  if [ -f "$dir/args" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      [ -z "$line" ] && continue
      line="${line//\$GOLDEN_OUT/$out}"
      case "$line" in --input=* | --input\ *) has_input=1 ;; esac
      argv+=("$line")
    done <"$dir/args"
  fi
  [ "$has_input" = 1 ] || argv+=(--input=input)
  # optional env: NAME=VALUE lines, $CASE_DIR = the case folder, $GOLDEN_OUT as in args
  local -a envs=()
  if [ -f "$dir/env" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      [ -z "$line" ] && continue
      line="${line//\$CASE_DIR/$dir}"
      line="${line//\$GOLDEN_OUT/$out}"
      envs+=("$line")
    done <"$dir/env"
  fi
  # stdout goes through a pipe so that children which inherited it are waited for (EOF)
  (cd "$work" && env "${envs[@]}" "${argv[@]}" </dev/null 2>/dev/null | cat >"$dir/expected.out")
  rm -rf "$dir/expected.files"
  if [ -n "$(ls -A "$out")" ]; then
    mkdir "$dir/expected.files"
    cp -R "$out"/. "$dir/expected.files/"
  fi
  rm -rf "$work"
  echo "regenerated $(basename "$dir")"
}
export -f run_case
export SEC

if [ "$#" -gt 0 ]; then
  printf '%s\n' "$@" | xargs -P 8 -I{} bash -c 'run_case "$1"' _ {}
else
  find "$here" -mindepth 1 -maxdepth 1 -type d | sort | xargs -P 8 -I{} bash -c 'run_case "$1"' _ {}
fi
