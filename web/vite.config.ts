import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { devGatewayUrl as gateway } from './env.ts';

/**
 * `npm run dev` (Vite with hot reload, /graphql and /auth proxied to the running gateway, WebSocket
 * included) and `npm run build` (web/dist, which the gateway serves at `/`).
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: gateway, ws: true, changeOrigin: true },
      '/auth': { target: gateway, changeOrigin: true },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
