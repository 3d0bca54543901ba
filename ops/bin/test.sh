#!/usr/bin/env bash
# `npm test`: the whole suite from a fresh clone on a fresh machine. Installs what the tests need, then
# typechecks, lints, and runs unit, in-process subgraph and cross-process integration tests, then the
# dashboard's component tests and, against its production build, its browser tests.
set -euo pipefail
cd "$(dirname "$0")/../.."

apt_install() {
  if [ "$(id -u)" != "0" ]; then
    echo "missing system package(s) $*: install them (apt-get install $*) or run as root" >&2
    exit 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
command -v redis-server >/dev/null || apt_install redis-server
# promtool (the alert rule tests) comes with Debian's prometheus; its server is not wanted running here.
command -v promtool >/dev/null || {
  apt_install --no-install-recommends prometheus
  systemctl disable --now prometheus >/dev/null 2>&1 || service prometheus stop >/dev/null 2>&1 || true
}
# The e2e tests drive Debian's chromium (CHROMIUM_PATH overrides where it is).
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || apt_install chromium

source ops/bin/ensure-deps.sh

# A repeated run re-checks only what changed: tsc's build info and the ESLint and Prettier caches (keyed by file
# content; every rule here reads one file alone) live in node_modules/.cache. A fresh clone checks everything.
CHECKS=node_modules/.cache/sophia-checks
echo "== typecheck"
npx tsc -p tsconfig.json --incremental --tsBuildInfoFile "$CHECKS/tsc-root.tsbuildinfo"
npx tsc -p web/tsconfig.json --incremental --tsBuildInfoFile "$CHECKS/tsc-web.tsbuildinfo"
echo "== lint and format"
npx eslint --max-warnings 0 --cache --cache-strategy content --cache-location "$CHECKS/eslint/" .
npx prettier --check --cache --cache-strategy content --cache-location "$CHECKS/prettier.json" . >/dev/null
echo "== unit and subgraph tests"; npx vitest run --project unit --project subgraph
echo "== integration tests"; npx vitest run --project integration
echo "== dashboard component tests"; npx vitest run --project web
source web/ensure-built.sh
echo "== dashboard e2e tests (chromium)"; npx vitest run --project e2e
