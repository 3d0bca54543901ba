#!/usr/bin/env bash
# `npm start`: installs what is missing, then starts the five subgraphs and the gateway.
set -euo pipefail
cd "$(dirname "$0")/../.."
source ops/bin/ensure-deps.sh
exec node --import tsx ops/src/launcher/main.ts
