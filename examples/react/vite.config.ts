import { defineConfig } from 'vite';

// The page calls the API at its own origin, under /api. In development and preview, Vite forwards
// /api to the reference API (from the repository: `npm run mock-server -- --port 4010`); in
// production, your server does.
const api = { '/api': { target: process.env.API_ORIGIN ?? 'http://127.0.0.1:4010', changeOrigin: true } };

export default defineConfig({
  server: { proxy: api },
  preview: { proxy: api },
});
