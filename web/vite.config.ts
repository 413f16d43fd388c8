import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The Kindred server (npm run dev -w server) answers the API and the script-free /help page.
const serverUrl = process.env.KINDRED_SERVER_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    // Keep the browser's Host header: the server's cross-site check compares it with Origin.
    proxy: {
      '/api': { target: serverUrl, changeOrigin: false },
      '^/help(\\.css)?$': { target: serverUrl, changeOrigin: false },
    },
  },
});
