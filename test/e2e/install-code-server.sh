#!/usr/bin/env bash
# Installs code-server (the real VS Code the e2e suite drives) and Debian's Chromium, cached by version.
# Usage: test/e2e/install-code-server.sh   → prints the code-server package folder on the last line.
set -euo pipefail
VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE="${CODE_SERVER_CACHE:-$HOME/.cache/model-readiness/code-server-$VERSION}"
PACKAGE="$CACHE/package"

if [ ! -x /usr/bin/chromium ] || ! command -v rg >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev pkg-config ripgrep chromium >/dev/null
fi

if [ -f "$CACHE/.complete" ]; then
  echo "$PACKAGE"
  exit 0
fi

rm -rf "$CACHE"
mkdir -p "$CACHE"
cd "$CACHE"
npm pack "code-server@$VERSION" --silent >/dev/null
tar -xzf "code-server-$VERSION.tgz"
rm "code-server-$VERSION.tgz"

cd "$PACKAGE/lib/vscode"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
npm_config_yes=true npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid --loglevel=error >/dev/null
# @vscode/ripgrep's own install downloads a binary; Debian's ripgrep stands in.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
ln -sf code-linux.sh bin/remote-cli/code-server
ln -sf browser-linux.sh bin/helpers/browser.sh

cd "$PACKAGE"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
npm rebuild argon2 --loglevel=error >/dev/null

touch "$CACHE/.complete"
echo "$PACKAGE"
