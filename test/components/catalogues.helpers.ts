/**
 * Every catalogue of the library with every language it ships, for tests that check each language
 * against English (missing keys, glossary terms, English left on a page).
 *
 * The components are read from `scripts/entries.mjs` (COMPONENT_ENTRIES), so that a component added
 * there is checked without editing these tests: each must have `<name>/<name>.messages.ts` exporting
 * the translate function `createMessages` made (it has `domain` and `builtIn`). Entries with no texts
 * of their own are listed in NO_TEXTS; any other entry without a catalogue fails the load.
 */
import { COMPONENT_ENTRIES } from '../../scripts/entries.mjs';
import { translate } from '../../src/components/shared/i18n.js';

/** Entries that are not components with texts (the provider only passes a client and a locale down). */
const NO_TEXTS = new Set(['provider']);

/** One catalogue's languages: `en` complete, the others as shipped. */
export type Languages = Record<string, Record<string, string | undefined> | undefined>;

interface WithBuiltIn {
  domain: string;
  builtIn(): Promise<Record<string, Record<string, string | undefined>>>;
}

const isMessages = (value: unknown): value is WithBuiltIn =>
  typeof value === 'function' && typeof (value as Partial<WithBuiltIn>).builtIn === 'function' && typeof (value as Partial<WithBuiltIn>).domain === 'string';

/** The component names the package has entries for. */
export const componentNames = (): string[] => (COMPONENT_ENTRIES as string[]).filter((name) => !NO_TEXTS.has(name));

let loading: Promise<Record<string, Languages>> | undefined;

/** `{ shared: { en, de, ar }, 'customer-card': { en, de, ar }, … }`, every language loaded. */
export function allCatalogues(): Promise<Record<string, Languages>> {
  loading ??= (async () => {
    const out: Record<string, Languages> = { shared: await translate.builtIn() };
    for (const name of componentNames()) {
      // The dev server serves the TypeScript source; a path built at run time is not rewritten from .js.
      const module = (await import(`../../src/components/${name}/${name}.messages.ts`)) as Record<string, unknown>;
      const messages = Object.values(module).filter(isMessages);
      if (messages.length === 0) throw new Error(`${name}/${name}.messages.ts exports no catalogue made by createMessages`);
      for (const m of messages) out[m.domain] = await m.builtIn();
    }
    return out;
  })();
  return loading;
}
