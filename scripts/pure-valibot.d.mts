import type { Plugin } from 'vite';
/** Marks valibot schema constructions pure at build time (see pure-valibot.mjs). */
export declare function pureValibot(): Plugin;
