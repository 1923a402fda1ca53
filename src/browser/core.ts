/**
 * The single-file build's core (`dist/browser/core.js`): the SDK (`createClient`, errors, schemas)
 * and what registering and configuring the components needs (`defineElement`, the provider class,
 * contexts, helpers), without any component class. It loads only the shared chunk, so a plain
 * page can create a client and rename a tag (with a class from `classes/<component>.js`) without
 * paying for the components it does not use.
 */
export * from '../components/shared/index.js';
export * from '../sdk/index.js';
