#!/usr/bin/env bash
# Vendor the front-end libraries into src/lokalkontakt/static/vendor/.
#
# Fetches PINNED versions from the npm registry with `npm pack` into a temp
# dir, checks each tarball against the sha512 integrity pinned below, and
# copies only the distribution files the site serves plus each package's
# licence. Nothing is fetched at run time and no node_modules is created.
#
# Idempotent: the vendor dir is wiped and recreated on every run.
# Needs: bash, npm, tar, python3.
#
# To upgrade a package: change its version, run
#   npm view <name>@<version> dist.integrity
# paste the value below, re-run this script and commit the result.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR="$ROOT/src/lokalkontakt/static/vendor"

DKFDS_VERSION="11.2.0"
DKFDS_INTEGRITY="sha512-JuVf8NjEOeF+TKIhEFXa3BfZvk1ulQM8+XN+6QhgDo6kiwwvupyBY34YU4FglBeyFWHbE5mYDmnrcYTWOSKkEA=="
HTMX_VERSION="2.0.11"
HTMX_INTEGRITY="sha512-Thx/WtpeOQqSrqBCw/A1cwGJGg4UrVa3+sW0GmrM3p4gJgO89ecH4qtbnyzDDWFvBTqjnIMCgELTNt636dtamA=="
LEAFLET_VERSION="1.9.4"
LEAFLET_INTEGRITY="sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA=="
SWAGGER_UI_VERSION="5.36.0"
SWAGGER_UI_INTEGRITY="sha512-Lt6/Kb0gXmLdiabLhvso4VdJP9V7qJWB0zh0gzeXUV3+CMOTzMmvpJRSXN7EAjfwixwmoi9ezDbLHiexC7lA9A=="

for tool in npm tar python3; do
    command -v "$tool" >/dev/null || { echo "vendor.sh: '$tool' is required" >&2; exit 1; }
done

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# fetch NAME VERSION INTEGRITY -> prints the dir holding the extracted package/
fetch() {
    local name="$1" version="$2" want="$3" out tgz got
    out="$TMP/$name"
    mkdir -p "$out"
    tgz="$(cd "$out" && npm pack "$name@$version" --silent | tail -n1)"
    tgz="$out/$tgz"
    [[ -f "$tgz" ]] || { echo "vendor.sh: npm pack $name@$version produced no tarball" >&2; exit 1; }
    got="sha512-$(python3 -c 'import base64,hashlib,sys; print(base64.b64encode(hashlib.sha512(open(sys.argv[1],"rb").read()).digest()).decode())' "$tgz")"
    if [[ "$got" != "$want" ]]; then
        echo "vendor.sh: integrity mismatch for $name@$version" >&2
        echo "  pinned: $want" >&2
        echo "  got:    $got" >&2
        exit 1
    fi
    tar -xzf "$tgz" -C "$out"
    echo "$out/package"
}

# copy SRC_ROOT REL_PATH DEST_ROOT [DEST_REL_PATH]
copy() {
    local src="$1/$2" dest="$3/${4:-$2}"
    [[ -f "$src" ]] || { echo "vendor.sh: missing $src" >&2; exit 1; }
    mkdir -p "$(dirname "$dest")"
    cp "$src" "$dest"
}

# Print the url(...) targets of a CSS file, relative to the CSS file's dir.
# Skips data:, absolute, protocol-relative and fragment-only URLs (#default#VML).
css_refs() {
    python3 - "$1" <<'PY'
import re, sys
from urllib.parse import urldefrag
css = open(sys.argv[1], encoding="utf-8").read()
seen = set()
for m in re.finditer(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", css):
    url = m.group(2)
    if re.match(r"^[a-z]+:", url) or url.startswith(("/", "#")):
        continue
    path = urldefrag(url)[0].split("?")[0]
    if path and path not in seen:
        seen.add(path)
        print(path)
PY
}

# Source maps are not vendored, so drop the trailing sourceMappingURL comment:
# Django's ManifestStaticFilesStorage would otherwise fail on the missing .map.
strip_sourcemap() {
    sed -i -e '/^\/\*# sourceMappingURL=.*\*\/[[:space:]]*$/d' -e '/^\/\/# sourceMappingURL=/d' "$1"
}

# Build into a staging dir; it replaces the real vendor dir only once every
# package has been fetched, verified and checked.
STAGE="$TMP/vendor"
mkdir -p "$STAGE"

# --- DKFDS (Det Fælles Designsystem) -------------------------------------
pkg="$(fetch dkfds "$DKFDS_VERSION" "$DKFDS_INTEGRITY")"
dest="$STAGE/dkfds"
copy "$pkg" LICENSE.md "$dest"
copy "$pkg" dist/css/dkfds.min.css "$dest" css/dkfds.min.css
copy "$pkg" dist/js/dkfds.min.js "$dest" js/dkfds.min.js
copy "$pkg" dist/img/all-svg-icons.svg "$dest" img/all-svg-icons.svg
# Every file the CSS references (fonts, icons, placeholder logos), same relative paths.
while IFS= read -r ref; do
    rel="$(python3 -c 'import os,sys; print(os.path.normpath(os.path.join("css", sys.argv[1])))' "$ref")"
    copy "$pkg/dist" "$rel" "$dest"
done < <(css_refs "$pkg/dist/css/dkfds.min.css")
strip_sourcemap "$dest/css/dkfds.min.css"
strip_sourcemap "$dest/js/dkfds.min.js"

# --- htmx ------------------------------------------------------------------
pkg="$(fetch htmx.org "$HTMX_VERSION" "$HTMX_INTEGRITY")"
dest="$STAGE/htmx.org"
copy "$pkg" LICENSE "$dest"
copy "$pkg" dist/htmx.min.js "$dest" htmx.min.js
strip_sourcemap "$dest/htmx.min.js"

# --- Leaflet ---------------------------------------------------------------
pkg="$(fetch leaflet "$LEAFLET_VERSION" "$LEAFLET_INTEGRITY")"
dest="$STAGE/leaflet"
copy "$pkg" LICENSE "$dest"
copy "$pkg" dist/leaflet.js "$dest" leaflet.js
copy "$pkg" dist/leaflet.css "$dest" leaflet.css
for img in "$pkg"/dist/images/*; do
    copy "$pkg" "dist/images/$(basename "$img")" "$dest" "images/$(basename "$img")"
done
strip_sourcemap "$dest/leaflet.js"

# --- Swagger UI (the API's documentation page, /api/v1/docs/) ------------------
# Only the bundle and its stylesheet: the standalone preset and index.html carry inline styles
# and scripts, which the site's CSP refuses (api/static/api/docs.js starts the bundle).
pkg="$(fetch swagger-ui-dist "$SWAGGER_UI_VERSION" "$SWAGGER_UI_INTEGRITY")"
dest="$STAGE/swagger-ui-dist"
copy "$pkg" LICENSE "$dest"
copy "$pkg" NOTICE "$dest"
copy "$pkg" swagger-ui-bundle.js "$dest"
copy "$pkg" swagger-ui-bundle.js.LICENSE.txt "$dest"
copy "$pkg" swagger-ui.css "$dest"
strip_sourcemap "$dest/swagger-ui.css"

# --- VERSIONS.txt ----------------------------------------------------------
cat > "$STAGE/VERSIONS.txt" <<TXT
# Generated by scripts/vendor.sh -- do not edit; re-run the script instead.
# name  version  npm tarball integrity (dist.integrity, verified at vendoring)
dkfds     $DKFDS_VERSION   $DKFDS_INTEGRITY
htmx.org  $HTMX_VERSION  $HTMX_INTEGRITY
leaflet   $LEAFLET_VERSION   $LEAFLET_INTEGRITY
swagger-ui-dist  $SWAGGER_UI_VERSION  $SWAGGER_UI_INTEGRITY
#
# Only distribution files are copied (no source maps, SCSS or docs); the
# trailing sourceMappingURL comment is removed from the vendored .js/.css.
TXT

# --- Check: every url(...) in the vendored CSS resolves; no dangling source maps.
python3 - "$STAGE" <<'PY'
import pathlib, re, sys
from urllib.parse import urldefrag
root = pathlib.Path(sys.argv[1])
bad, n = [], 0
for css in sorted(root.rglob("*.css")):
    for m in re.finditer(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", css.read_text(encoding="utf-8")):
        url = m.group(2)
        if re.match(r"^[a-z]+:", url) or url.startswith(("/", "#")):
            continue
        path = urldefrag(url)[0].split("?")[0]
        if not path:
            continue
        n += 1
        if not (css.parent / path).resolve().is_file():
            bad.append(f"{css.relative_to(root)}: {url}")
for f in sorted([*root.rglob("*.css"), *root.rglob("*.js")]):
    if "sourceMappingURL=" in f.read_text(encoding="utf-8"):
        bad.append(f"{f.relative_to(root)}: dangling sourceMappingURL")
if bad:
    print("vendor.sh: unresolved references:", *bad, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"vendor.sh: {n} url(...) references in vendored CSS all resolve")
PY

rm -rf "$VENDOR"
mkdir -p "$(dirname "$VENDOR")"
cp -R "$STAGE" "$VENDOR"
echo "vendor.sh: vendored into ${VENDOR#"$ROOT"/}"
