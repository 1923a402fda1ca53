// A plain page needs no bundler: the build only copies the page and the library's single-file
// build (node_modules/customer-elements/dist/browser/) into dist/, ready for any static host.
import { cpSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
cpSync('index.html', 'dist/index.html');
cpSync('node_modules/customer-elements/dist/browser', 'dist/customer-elements', { recursive: true });
console.info('dist/index.html and dist/customer-elements/ are ready to serve');
