#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the newest release that runs on Node 20)
# from npm into $SPORBAR_E2E_DIR (default: <repo>/.e2e), outside the tracked files.
# Idempotent: does nothing when that version is already installed.
# Needs the Debian packages chromium, libkrb5-dev and ripgrep (see test/e2e/README.md).
set -euo pipefail

VERSION=4.100.3
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
W="${SPORBAR_E2E_DIR:-$REPO/.e2e}"
CS="$W/cs"
BIN="$CS/node_modules/.bin/code-server"

installed_version() {
    node -e "try{process.stdout.write(require('$CS/node_modules/code-server/package.json').version)}catch{}" 2>/dev/null
}

if [ -x "$BIN" ] && [ "$(installed_version)" = "$VERSION" ]; then
    echo "code-server $VERSION already installed in $CS"
    exit 0
fi

for tool in rg node npm tar; do
    command -v "$tool" >/dev/null || { echo "setup-code-server: '$tool' is missing (apt-get install ripgrep / Node 20)" >&2; exit 1; }
done
if ! dpkg -s libkrb5-dev >/dev/null 2>&1 && [ ! -e /usr/include/gssapi/gssapi.h ] && [ ! -e /usr/include/krb5.h ]; then
    echo "setup-code-server: libkrb5-dev is missing (apt-get install libkrb5-dev)" >&2
    exit 1
fi

mkdir -p "$W/tmp" "$CS"
# @vscode/ripgrep downloads rg from GitHub in its postinstall; give it a cached download
# made of Debian's rg instead (it then says "Using cached download").
CACHE="$W/tmp/vscode-ripgrep-cache-1.15.11"
TARBALL="$CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$TARBALL" ]; then
    mkdir -p "$CACHE" "$W/tmp/rg-pack"
    cp "$(command -v rg)" "$W/tmp/rg-pack/rg"
    tar -czf "$TARBALL" -C "$W/tmp/rg-pack" rg
    rm -rf "$W/tmp/rg-pack"
fi

export TMPDIR="$W/tmp"
export npm_config_unsafe_perm=true   # code-server's postinstall refuses root otherwise
export npm_config_yes=true           # node-pty's postinstall runs `npx node-gyp`
export npm_config_cache="$W/npm-cache"
[ -f "$CS/package.json" ] || echo '{ "name": "sporbar-e2e-code-server", "private": true }' > "$CS/package.json"

echo "installing code-server $VERSION into $CS (about 2 minutes)…"
start=$(date +%s)
npm install --prefix "$CS" --no-audit --no-fund --loglevel=error "code-server@$VERSION"
if [ "$(installed_version)" != "$VERSION" ] || [ ! -x "$BIN" ]; then
    echo "setup-code-server: installation failed" >&2
    exit 1
fi
echo "code-server $VERSION installed in $(( $(date +%s) - start )) s"
