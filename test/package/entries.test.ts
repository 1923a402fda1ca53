/**
 * Every public entry through the exports map, as a host imports it: each resolves, registers exactly
 * its own tags (the class-only, SDK and mocks entries register none), and exports its class. Each
 * entry is imported in a fresh Node process (Lit's server build gives Node a `customElements`
 * registry), so one entry's registrations never hide another's. Runs after `npm run build`.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { COMPONENT_ENTRIES } from '../../scripts/entries.mjs';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(new URL('package.json', `file://${root}`), 'utf8')) as { exports: Record<string, unknown> };

/** The tags each entry must register, and nothing else. */
const EXPECTED: Record<string, string[]> = {
  'customer-elements': [],
  'customer-elements/sdk': [],
  'customer-elements/mocks': [],
  // The card and the search also register the watch-list badge they show.
  'customer-elements/customer-card': ['customer-card', 'watch-list-badge'],
  'customer-elements/customer-search': ['customer-search', 'watch-list-badge'],
  // The order detail is loaded and registered when a row is first opened.
  'customer-elements/order-table': ['order-table'],
  'customer-elements/notes-panel': ['notes-panel'],
  'customer-elements/address-book': ['address-book'],
  'customer-elements/customer-attachments': ['customer-attachments'],
  'customer-elements/watch-list-badge': ['watch-list-badge'],
  // Its children are registered when it first renders, so a page can still rename them first.
  'customer-elements/customer-screen': ['customer-screen'],
  'customer-elements/customer-accounts': ['customer-accounts'],
  'customer-elements/customer-create': ['customer-create'],
  'customer-elements/order-entry': ['order-entry'],
  'customer-elements/customer-discounts': ['customer-discounts'],
  'customer-elements/provider': ['customer-elements-provider'],
};
// Everything also registers the order detail at once, for pages that show it on its own.
const ALL_TAGS = [...new Set([...Object.values(EXPECTED).flat(), 'order-detail'])].sort();
EXPECTED['customer-elements/define'] = ALL_TAGS;
EXPECTED['customer-elements/define.js'] = ALL_TAGS;

/** The class each registering entry exports, by tag. */
const CLASS_OF: Record<string, string> = {
  'customer-card': 'CustomerCard',
  'customer-search': 'CustomerSearch',
  'order-table': 'OrderTable',
  'order-detail': 'OrderDetail',
  'notes-panel': 'NotesPanel',
  'address-book': 'AddressBook',
  'customer-attachments': 'CustomerAttachments',
  'watch-list-badge': 'WatchListBadge',
  'customer-screen': 'CustomerScreen',
  'customer-accounts': 'CustomerAccounts',
  'customer-create': 'CustomerCreateForm',
  'order-entry': 'OrderEntry',
  'customer-discounts': 'CustomerDiscounts',
  'customer-elements-provider': 'CustomerElementsProvider',
};

/**
 * Imports `specifier` in a fresh process from the package root (self-reference goes through the
 * exports map to dist/) and reports every `customElements.define` call and the module's exports.
 */
async function importFresh(specifier: string): Promise<{ defined: string[]; exports: string[]; classOk: Record<string, boolean> }> {
  const script = `
    await import('lit'); // Lit's Node build installs the customElements registry
    const defined = [];
    const define = customElements.define.bind(customElements);
    customElements.define = (name, ctor, options) => { defined.push(name); return define(name, ctor, options); };
    const mod = await import(${JSON.stringify(specifier)});
    const classOk = Object.fromEntries(defined.map((tag) => [tag, Object.values(mod).includes(customElements.get(tag))]));
    console.log(JSON.stringify({ defined, exports: Object.keys(mod).sort(), classOk }));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

describe('package entries', () => {
  it('the exports map has one entry per component, each with its types', () => {
    for (const name of COMPONENT_ENTRIES) {
      expect(pkg.exports[`./${name}`], `./${name}`).toEqual({
        types: `./dist/types/src/components/${name}/define.d.ts`,
        default: `./dist/${name}.js`,
      });
    }
    expect(Object.keys(EXPECTED).filter((s) => s !== 'customer-elements').map((s) => s.replace('customer-elements/', './'))).toEqual(
      expect.arrayContaining(COMPONENT_ENTRIES.map((n) => `./${n}`)),
    );
  });

  for (const [specifier, tags] of Object.entries(EXPECTED)) {
    it(`${specifier} registers ${tags.length ? tags.join(', ') : 'nothing'}`, async () => {
      const { defined, exports, classOk } = await importFresh(specifier);
      expect([...defined].sort()).toEqual([...tags].sort());
      // A registering entry also hands the host its classes (the same ones it registered).
      for (const tag of tags) {
        expect(exports, specifier).toContain(CLASS_OF[tag]);
        expect(classOk[tag], `${specifier} exports the class it registered as <${tag}>`).toBe(true);
      }
    });
  }

  it('the class-only entry exports every class, unregistered, and defineElement', async () => {
    const { defined, exports } = await importFresh('customer-elements');
    expect(defined).toEqual([]);
    expect(exports).toEqual(expect.arrayContaining([...Object.values(CLASS_OF), 'defineElement']));
  });
});

describe('package entry types', () => {
  it('a strict TypeScript host gets each entry’s class type, and a wrong use is an error', { timeout: 60_000 }, async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    // Inside the package root, so that `customer-elements/…` self-references through the exports map.
    mkdirSync(join(root, '.tmp'), { recursive: true });
    const dir = mkdtempSync(join(root, '.tmp', 'types-'));
    try {
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, skipLibCheck: true, types: [] },
        files: ['host.ts'],
      }));
      const imports = COMPONENT_ENTRIES.map((name, i) => `import * as e${i} from 'customer-elements/${name}';`).join('\n');
      const uses = COMPONENT_ENTRIES.map((_, i) => `void e${i};`).join('\n');
      writeFileSync(join(dir, 'host.ts'), `${imports}
import { CustomerCard } from 'customer-elements/customer-card';
import { OrderTable } from 'customer-elements/order-table';
import { CustomerElementsProvider } from 'customer-elements/provider';
import { defineElement, CustomerSearch, OrderDetail } from 'customer-elements';
import { createClient } from 'customer-elements/sdk';
${uses}
const card: CustomerCard = document.createElement('customer-card');
card.customerId = 'cus_000001';
const table: OrderTable = document.createElement('order-table');
void table; void OrderDetail;
const provider = new CustomerElementsProvider();
provider.client = createClient({ baseUrl: '/api' });
defineElement('acme-customer-search', CustomerSearch);
// @ts-expect-error customerId is a string
card.customerId = 42;
`);
      const tsc = join(root, 'node_modules/.bin/tsc');
      const result = await run(tsc, ['-p', dir], { cwd: root }).then(() => ({ ok: true, out: '' }), (e: { stdout?: string }) => ({ ok: false, out: e.stdout ?? String(e) }));
      expect(result.out).toBe('');
      expect(result.ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
