import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// `npm start`: the demo portal, on the MSW worker by default (no backend needed).
export default defineConfig({
  root: here('.'),
  publicDir: here('../public'),
  server: { port: 5173, open: false },
  build: {
    outDir: here('../demo-dist'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { input: { index: here('index.html'), dispatch: here('dispatch.html') } },
  },
});
