#!/usr/bin/env bash
# `npm start`: installs what is missing, builds the dashboard when stale, then starts the five subgraphs
# and the gateway (which serves the dashboard at /).
set -euo pipefail
cd "$(dirname "$0")/../.."
source ops/bin/ensure-deps.sh
source web/ensure-built.sh
exec node --import tsx ops/src/launcher/main.ts
