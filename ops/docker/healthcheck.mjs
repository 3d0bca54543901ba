// The image's HEALTHCHECK: exit 0 when the service answers /healthz on its port (no curl in the slim image).
const port = process.env.PORT;
const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(3000) }).catch(
  () => undefined,
);
process.exit(response?.ok ? 0 : 1);
