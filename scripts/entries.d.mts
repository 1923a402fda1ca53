/** The package's per-component entries (see entries.mjs). */
export declare const COMPONENT_ENTRIES: readonly string[];
