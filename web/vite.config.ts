// The UI is built into the server's share directory (HOTLINE_WEB_OUT, set by CMake), which
// `hotline serve` serves at /. `npm run dev` proxies the API to a server on :8080.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: process.env.HOTLINE_WEB_OUT || 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', ws: true },
      '/healthz': 'http://127.0.0.1:8080',
    },
  },
});
