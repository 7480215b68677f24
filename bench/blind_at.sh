#!/usr/bin/env bash
# Re-score one batch of blind drafts on the code as it stood at a commit, as it was
# scored there before anyone read it: bench/blind_at.sh COMMIT TAG [--show]
# scores bench/drafts/{tune,holdout}/*-TAG-*.json as the holdout batch of a temporary worktree
# of COMMIT (bench/drafts/README.md lists each batch's commit and tag).
set -euo pipefail
repo=$(git rev-parse --show-toplevel)
at=$(mktemp -d)/at
git -C "$repo" worktree add -q --detach "$at" "$1"
trap 'git -C "$repo" worktree remove --force "$at"' EXIT
rm -rf "$at/bench/drafts/holdout"
mkdir -p "$at/bench/drafts/holdout"
shopt -s nullglob
files=("$repo"/bench/drafts/tune/*-"$2"-*.json "$repo"/bench/drafts/holdout/*-"$2"-*.json)
[ ${#files[@]} -gt 0 ] || { echo "no drafts tagged -$2-" >&2; exit 2; }
cp "${files[@]}" "$at/bench/drafts/holdout/"
(cd "$at" && "${PYTHON:-python}" bench/blind.py --batch holdout "${@:3}")
