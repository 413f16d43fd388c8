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
    proxy: {
      '/api': serverUrl,
      '^/help(\\.css)?$': serverUrl,
    },
  },
});
