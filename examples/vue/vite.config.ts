import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      template: {
        // Our tags are custom elements, not Vue components: Vue renders them as elements and sets
        // every bound value that the element has as a property (`:client`, `:customerId`).
        compilerOptions: { isCustomElement: (tag) => /^(customer-|order-|acme-)/.test(tag) },
      },
    }),
  ],
});
