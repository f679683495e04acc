# Sourced by the start scripts (POSIX sh): the interpreter (PYTHON, python3) and the check every
# process runs before it starts (`python -m lokalkontakt preflight`). Not a program of its own.
PYTHON="${PYTHON:-python3}"
LK_DIR="$(cd "$(dirname "$0")/.." && pwd)"

# $1: what starts ("The web process"); the rest: preflight's options. Any finding of
# `check --deploy`, warnings included, stops the start (exit 78, EX_CONFIG).
preflight() {
  what="$1"
  shift
  if ! "$PYTHON" -m lokalkontakt preflight "$@"; then
    echo "$what will not start: the production settings, the collected static files or the" \
         "database are not ready (above; docs/operations.md, Production start-up)." >&2
    exit 78
  fi
}
