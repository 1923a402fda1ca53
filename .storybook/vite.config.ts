import { defineConfig } from 'vite';

// Storybook's own Vite config: the root vite.config.ts builds the library (lib mode, externals,
// no public dir), none of which suits an application build of the stories. Decorators need no
// plugin: tsconfig.json has experimentalDecorators (see TOOLCHAIN.md).
export default defineConfig({
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
});
