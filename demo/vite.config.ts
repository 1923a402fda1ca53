import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// `npm start`: the demo portal, on the MSW worker by default (no backend needed).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: fileURLToPath(new URL('../public', import.meta.url)),
  server: { port: 5173, open: false },
  build: { outDir: fileURLToPath(new URL('../demo-dist', import.meta.url)), emptyOutDir: true, target: 'es2022' },
});
