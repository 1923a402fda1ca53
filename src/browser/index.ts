/**
 * The single-file build's class entry (`dist/browser/index.js`): every class, helper and the SDK,
 * registering nothing, for a page without a bundler that registers tags under names of its own or
 * creates a client. `all.js` is the same with every tag registered under its default name.
 */
export * from '../index.js';
export * from '../sdk/index.js';
