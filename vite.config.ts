import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

/**
 * The web shell `npx vite` proxies the API to: its default address, or CITYOPS_HUB. The hub answers
 * only its own host names and origins, so the proxy presents the hub's host name, and the hub must
 * allow the dev server's page: `CITYOPS_ALLOWED_ORIGINS=http://localhost:5173 npm run web`.
 */
const HUB = process.env.CITYOPS_HUB ?? 'http://127.0.0.1:8787';

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: the same bundle is loaded from app:// (Electron) and http:// (web shell).
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // Each workspace is a chunk of its own (app/workspaces.tsx), the wall's with hls.js and
    // mediasoup-client; antd is split by what uses it, so the sign-in page loads only its own parts.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    // The renderer imports ../common; allow the whole repository, nothing above it.
    fs: { allow: [repoRoot] },
    proxy: {
      '/api/ws': { target: HUB, ws: true, changeOrigin: true },
      '/healthz': { target: HUB, changeOrigin: true },
    },
  },
});
