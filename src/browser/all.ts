/**
 * The single-file build's everything entry (`dist/browser/all.js`): registers every tag under its
 * default name and exports what `index.js` exports (classes, helpers, `createClient`).
 */
import '../components/define.js';

export * from './index.js';
