# Sourced by the start scripts (POSIX sh): the interpreter, and the checks every process runs
# before it starts. Not a program of its own.
PYTHON="${PYTHON:-python3}"
LK_DIR="$(cd "$(dirname "$0")/.." && pwd)"

lk() {
  "$PYTHON" -m lokalkontakt "$@"
}

# Production settings complete (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, SITE_URL, EMAIL_URL,
# DEFAULT_FROM_EMAIL), HTTPS and cookies secure, no demo, static files collected: any finding of
# `check --deploy`, warnings included, stops the start.
preflight() {
  if [ "${LOKALKONTAKT_DEV:-}" != "0" ]; then
    echo "$1 will not start: set LOKALKONTAKT_DEV=0 (the start scripts are for production)." >&2
    exit 78
  fi
  if ! lk check --deploy --fail-level WARNING >&2; then
    echo "$1 will not start: the production settings or the collected static files are incomplete (above;" \
         "docs/operations.md, Production start-up)." >&2
    exit 78
  fi
}

# The worker and the jobs wait for the web process to migrate (MIGRATION_WAIT_SECONDS, 300).
wait_for_migrations() {
  waited=0
  until lk migrate --check -v 0 >/dev/null 2>&1; do
    if [ "$waited" -ge "${MIGRATION_WAIT_SECONDS:-300}" ]; then
      echo "$1 will not start: the database still has migrations to apply after ${waited} s" \
           "(the web process applies them: is it running?)." >&2
      exit 75
    fi
    sleep 2
    waited=$((waited + 2))
  done
}
