/**
 * What every story file shares: the mock API's per-story parameters and loaded values, controls
 * made from custom-elements.json, and a render helper that sets the args as properties.
 */
import type { ArgTypes, StoryContext } from '@storybook/web-components-vite';
import { render, type TemplateResult } from 'lit';
import { action } from 'storybook/actions';
import type { BrowserMockApi } from '../mocks/browser.js';
import type { FailureKind } from '../mocks/scenario.js';
import type { Client } from '../src/sdk/index.js';
import manifest from '../custom-elements.json';

/** A fixture customer by role (`db.fixtures.customers.*`): stories never hard-code an id. */
export type FixtureRole = keyof BrowserMockApi['db']['fixtures']['customers'];

/** `parameters.mocks`: the mock API's scenario for one story (reset before each story). */
export interface MocksParameter {
  /** Added latency per request in ms, or `'forever'`: every request hangs (the loading state). */
  latency?: number | 'forever';
  /** Exact failures for the next matching requests: `[routeId | '*', kind, count?]`. */
  failNext?: Array<[routeId: string, kind: FailureKind, count?: number]>;
  /** Who is signed in (default `admin`); `'none'`: no provider and no client (the configuration message). */
  token?: 'admin' | 'clerk' | 'viewer' | 'none';
}

/** What the global loader gives every story (`context.loaded`). */
export interface StoryLoaded {
  mock: BrowserMockApi;
  /** A fresh client (and cache) for this story, signed in as `parameters.mocks.token`. */
  client: Client | undefined;
  /** Fixture customer ids by role. */
  customers: BrowserMockApi['db']['fixtures']['customers'];
  /** The id of `parameters.customer`, when the story names a fixture role. */
  customerId: string | undefined;
}

export type Args = Record<string, unknown>;

interface ManifestMember {
  kind?: string;
  name: string;
  description?: string;
  type?: { text: string };
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  default?: string;
}
interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  members?: ManifestMember[];
  attributes?: ManifestMember[];
  events?: ManifestMember[];
  cssParts?: ManifestMember[];
  cssProperties?: ManifestMember[];
  slots?: ManifestMember[];
}
interface Manifest {
  modules: Array<{ path: string; declarations?: ManifestDeclaration[] }>;
}

const elements = new Map<string, ManifestDeclaration>();
for (const mod of (manifest as unknown as Manifest).modules) {
  for (const d of mod.declarations ?? []) if (d.kind === 'class' && d.tagName) elements.set(d.tagName, d);
}

/** The manifest entry of a tag (undefined for a component not yet in the manifest). */
export function declarationOf(tag: string): ManifestDeclaration | undefined {
  return elements.get(tag);
}

/** Every element of the manifest, by tag. */
export function allDeclarations(): ManifestDeclaration[] {
  return [...elements.values()].sort((a, b) => (a.tagName ?? '').localeCompare(b.tagName ?? ''));
}

/** Public properties a host can set (no private/protected, statics or getters). */
export function settableFields(tag: string): ManifestMember[] {
  return (declarationOf(tag)?.members ?? []).filter(
    (m) => m.kind === 'field' && !m.privacy && !m.static && !m.readonly && !m.name.startsWith('_'),
  );
}

/**
 * The manifest trimmed for Storybook: public settable fields only (its argTypes would otherwise
 * list the internals and every attribute a second time beside its property).
 */
export function storybookManifest(): Manifest {
  const source = manifest as unknown as Manifest;
  return {
    ...source,
    modules: source.modules.map((mod) => ({
      ...mod,
      declarations: mod.declarations?.map((d) => {
        if (!d.tagName) return d;
        const { attributes: _attributes, ...rest } = d;
        return { ...rest, members: settableFields(d.tagName) };
      }),
    })),
  };
}

function literalValues(text = ''): string[] | undefined {
  const parts = text.split('|').map((p) => p.trim()).filter((p) => p !== 'undefined');
  if (parts.length < 2 || !parts.every((p) => /^'[^']*'$/.test(p))) return undefined;
  return parts.map((p) => p.slice(1, -1));
}

/** A control for every property, from its manifest type; objects (client, data) get none. */
export function controlsFor(tag: string): ArgTypes {
  const out: ArgTypes = {};
  for (const field of settableFields(tag)) {
    const text = field.type?.text ?? '';
    const values = literalValues(text);
    const base = { description: field.description ?? '', table: { category: 'properties', type: { summary: text } } };
    if (values) out[field.name] = { ...base, control: 'select', options: values };
    else if (/^boolean\b/.test(text)) out[field.name] = { ...base, control: 'boolean' };
    else if (/^number\b/.test(text)) out[field.name] = { ...base, control: 'number' };
    else if (/^string\b/.test(text)) out[field.name] = { ...base, control: 'text' };
    else out[field.name] = { ...base, control: false };
  }
  return out;
}

/**
 * Creates `<tag>` with the args set as properties (so objects pass as objects), `customerId`
 * defaulting to the story's fixture customer, every manifest event logged in the Actions panel,
 * and `children` (slotted content) rendered inside it.
 */
export function renderElement(tag: string, args: Args, context: StoryContext, children?: TemplateResult): HTMLElement {
  const element = document.createElement(tag);
  // Slotted content, as a host page would write it inside the tag.
  if (children) render(children, element);
  const loaded = context.loaded as StoryLoaded;
  const settable = new Set(settableFields(tag).map((f) => f.name));
  const values: Args = { ...args };
  if (settable.has('customerId') && !values.customerId && loaded.customerId) values.customerId = loaded.customerId;
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== '' && settable.has(name)) Reflect.set(element, name, value);
  }
  for (const event of declarationOf(tag)?.events ?? []) element.addEventListener(event.name, action(event.name));
  return element;
}

// ---------------------------------------------------------------------------------------------
// Play-function helpers: the components render into shadow roots.
// ---------------------------------------------------------------------------------------------

/** The first element matching `selector`, searching through every open shadow root below `root`. */
export function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null {
  const direct = root.querySelector<T>(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = deepQuery<T>(el.shadowRoot, selector);
      if (found) return found;
    }
  }
  return null;
}

/** Resolves when `condition` returns a truthy value, checking each animation frame (no sleeps). */
export async function until<T>(condition: () => T, what: string, timeout = 8_000): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = condition();
    if (value) return value as NonNullable<T>;
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
