/**
 * The contexts through which `<customer-elements-provider>` hands its client and locale to every
 * component below it. The keys are global symbols, so that two copies of the library on one page
 * still find each other's provider.
 */
import { ContextRoot, createContext } from '@lit/context';
import type { Client } from '../../sdk/index.js';

/** The SDK client components fetch through; undefined when nothing is configured. */
export const clientContext = createContext<Client | undefined>(Symbol.for('customer-elements.client'));
/** The BCP 47 locale for text, numbers and dates; '' when the provider sets none. */
export const localeContext = createContext<string>(Symbol.for('customer-elements.locale'));

const ROOT_KEY = Symbol.for('customer-elements.context-root');

/**
 * Attaches one `ContextRoot` to the document (once per page, whichever copy of the library gets
 * there first). It replays a component's context request when a provider is upgraded after the
 * component, as happens when the provider's tag is defined last or its module loads lazily.
 * Called by `defineElement`, i.e. only by registration modules.
 */
export function ensureContextRoot(): void {
  const doc = globalThis.document as (Document & { [ROOT_KEY]?: ContextRoot }) | undefined;
  if (!doc || doc[ROOT_KEY]) return;
  const root = new ContextRoot();
  root.attach(doc.documentElement);
  Object.defineProperty(doc, ROOT_KEY, { value: root });
}
