# Sourced by ops/bin/start.sh and ops/bin/test.sh: builds the dashboard (web/dist, which the gateway serves
# at /) when it is missing or older than any of its sources.
if [ ! -f web/dist/index.html ] ||
  [ -n "$(find web/src web/public web/index.html web/vite.config.ts -newer web/dist/index.html -print -quit)" ]; then
  echo "Building the dashboard (web/dist) …"
  npm run build --workspace web --silent -- --logLevel warn
fi
