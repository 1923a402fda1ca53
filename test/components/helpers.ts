/**
 * What every component test needs: the mock API in a service worker, clients per user, an axe
 * check that looks inside shadow roots, condition waits (never sleeps), and real key presses and
 * mouse clicks through the browser (web-test-runner commands, i.e. Playwright input).
 */
import { fixtureCleanup } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { AxeResults, RunOptions } from 'axe-core';
import { startMockApi, type BrowserMockApi, type StartMockApiOptions } from '../../mocks/browser.js';
import { createClient, type Client, type ClientOptions } from '../../src/sdk/index.js';

/*
 * Mocha's globals, as web-test-runner provides them (the project has no @types/mocha, and adds no
 * dependency for five functions). `this` in a hook or test is mocha's context.
 */
interface MochaContext {
  timeout(ms: number): void;
  skip(): never;
  /** In a hook: the hook itself; `error(e)` fails the current test with `e` (and not the hook). */
  test?: { error(error: unknown): void };
}
type MochaDone = (error?: unknown) => void;
type MochaFn = (this: MochaContext, done: MochaDone) => void | Promise<unknown>;
interface MochaSuiteFn {
  (title: string, fn: (this: MochaContext) => void): void;
  only(title: string, fn: (this: MochaContext) => void): void;
  skip(title: string, fn: (this: MochaContext) => void): void;
}
interface MochaTestFn {
  (title: string, fn?: MochaFn): void;
  only(title: string, fn?: MochaFn): void;
  skip(title: string, fn?: MochaFn): void;
}
declare global {
  var describe: MochaSuiteFn;
  var it: MochaTestFn;
  function before(fn: MochaFn): void;
  function after(fn: MochaFn): void;
  function beforeEach(fn: MochaFn): void;
  function afterEach(fn: MochaFn): void;
}

export interface Mocks {
  db: BrowserMockApi['db'];
  scenario: BrowserMockApi['scenario'];
  tokens: BrowserMockApi['tokens'];
  baseUrl: string;
  worker: BrowserMockApi['worker'];
  /** A client signed in as the admin (every capability). */
  client: Client;
}

let started: Promise<Mocks> | undefined;
let current: Mocks | undefined;

/**
 * Starts the mock API once per test file (each file runs in its own page, with its own data) and
 * returns it; later calls return the same one. Options apply to the first call only.
 * Defaults to a small data set: the fixtures are all there, the volume is not.
 * Call it from a `before` hook with a generous timeout: on a busy machine it takes seconds.
 */
export function startMocks(options: StartMockApiOptions = {}): Promise<Mocks> {
  started ??= (async () => {
    const api = await startMockApi({
      size: { customers: 50, orders: 200, bigCustomerOrders: 200, manyNotes: 60 },
      ...options,
    });
    const { db, scenario, tokens, baseUrl, worker } = api;
    current = {
      db,
      scenario,
      tokens,
      baseUrl,
      worker,
      client: createClient({ baseUrl, getToken: () => tokens.admin }),
    };
    return current;
  })();
  return started;
}

/**
 * A new client (with its own cache) for a user's token, against the started mock API.
 * `options` go to `createClient` (e.g. `{ retry: 0 }` to see a failure at once).
 */
export function clientFor(token: string, options: Partial<ClientOptions> = {}): Client {
  if (!current) throw new Error('clientFor: call `await startMocks()` first (e.g. in `before`).');
  return createClient({ baseUrl: current.baseUrl, getToken: () => token, ...options });
}

/**
 * Waits until `condition` returns a truthy value (and returns it), checking every animation frame.
 * A condition that throws counts as not yet. Fails with `message` after `timeout` ms.
 */
export async function waitFor<T>(condition: () => T, message = 'condition', timeout = 5_000): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = condition();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${message}${why}`);
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

// ---------------------------------------------------------------------------------------------
// Real input
// ---------------------------------------------------------------------------------------------

/** Presses one key or chord, as a user would (`'Tab'`, `'Escape'`, `'Shift+Tab'`, `'Enter'`). */
export function press(key: string): Promise<void> {
  return sendKeys({ press: key });
}

/** Types text into whatever has focus, key by key. */
export function typeText(text: string): Promise<void> {
  return sendKeys({ type: text });
}

/** Presses Tab (or Shift+Tab) `times` times. */
export async function tab(times = 1, { shift = false } = {}): Promise<void> {
  for (let i = 0; i < times; i++) await press(shift ? 'Shift+Tab' : 'Tab');
}

function centre(element: Element): [number, number] {
  element.scrollIntoView({ block: 'center', inline: 'center' });
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) throw new Error(`Cannot point at an element with no box: ${describe(element)}`);
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
}

function describe(element: Element): string {
  const part = element.getAttribute('part');
  return `<${element.localName}${part ? ` part="${part}"` : ''}>`;
}

/** The element under a point, looking through shadow roots. */
export function deepElementFromPoint(x: number, y: number): Element | null {
  let element = document.elementFromPoint(x, y);
  while (element?.shadowRoot) {
    const inner = element.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === element) break;
    element = inner;
  }
  return element;
}

function composedContains(container: Element, node: Element | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (n === container) return true;
  }
  return false;
}

/** Where a user would point at an element; fails, naming the culprit, if something covers it. */
function target(element: Element): [number, number] {
  const position = centre(element);
  const hit = deepElementFromPoint(...position);
  // The element itself, something inside it, or an ancestor that receives the click for it (a
  // label around a visually hidden input) is fine; anything else would take the click instead.
  if (!composedContains(element, hit) && !(hit && composedContains(hit, element))) {
    throw new Error(`${describe(element)} is covered by ${hit ? describe(hit) : 'nothing'} at ${position.join(',')}`);
  }
  return position;
}

/** Clicks the middle of an element with the real mouse (it must be visible and uncovered). */
export async function click(element: Element): Promise<void> {
  await sendMouse({ type: 'click', position: target(element) });
}

/** Moves the real mouse over the middle of an element (it must be visible and uncovered). */
export async function hover(element: Element): Promise<void> {
  await sendMouse({ type: 'move', position: target(element) });
}

/** Moves the real mouse to the top-left corner of the page, away from every component. */
export async function moveMouseAway(): Promise<void> {
  await sendMouse({ type: 'move', position: [0, 0] });
}

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

// ---------------------------------------------------------------------------------------------
// Accessibility
// ---------------------------------------------------------------------------------------------

type Axe = { run(context: Element, options: RunOptions): Promise<AxeResults> };
let axeLoaded: Promise<Axe> | undefined;

function loadAxe(): Promise<Axe> {
  // axe-core ships as a UMD script, not a module: load it as a script, as a page would.
  axeLoaded ??= new Promise<Axe>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve((window as unknown as { axe: Axe }).axe);
    script.onerror = () => reject(new Error('Could not load axe-core from /node_modules/axe-core/axe.min.js'));
    document.head.append(script);
  });
  return axeLoaded;
}

/** Loads axe-core and runs it once on a small element, so its first real run is not a cold one. */
async function warmAxe(): Promise<void> {
  const axe = await loadAxe();
  const probe = document.createElement('div');
  probe.append(Object.assign(document.createElement('button'), { textContent: 'probe' }));
  document.body.append(probe);
  try {
    await axe.run(probe, { resultTypes: ['violations'] });
  } finally {
    probe.remove();
  }
}

// Loading axe-core and its first run cost seconds on a busy machine: paid once per file here (this
// hook runs before the file's own), not by the first test that checks accessibility.
before(async function () {
  this.timeout(60_000);
  await warmAxe();
});

/** Page-level rules that say nothing about a component shown on its own. */
const PAGE_RULES = ['region', 'landmark-one-main', 'page-has-heading-one', 'bypass', 'html-has-lang', 'document-title'];

/**
 * Runs axe-core (WCAG 2.2 A/AA and best practices) on an element, shadow roots included, and fails
 * listing every violation with the offending nodes.
 */
export async function expectAxeClean(element: Element, options: RunOptions = {}): Promise<void> {
  const axe = await loadAxe();
  const rules: NonNullable<RunOptions['rules']> = Object.fromEntries(PAGE_RULES.map((id) => [id, { enabled: false }]));
  const results = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
    ...options,
    rules: { ...rules, ...options.rules },
  });
  if (results.violations.length === 0) return;
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`);
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n${nodes.join('\n')}`;
    })
    .join('\n');
  throw new Error(`axe found ${results.violations.length} violation(s):\n${report}`);
}

// ---------------------------------------------------------------------------------------------
// Console errors are failures
// ---------------------------------------------------------------------------------------------

let allowed: RegExp[] = [];

/** Declares console errors the current test expects (e.g. a warning it provokes on purpose). */
export function allowConsoleErrors(...patterns: RegExp[]): void {
  allowed.push(...patterns);
}

function takeConsoleErrors(): string[] {
  const recorded = (window as unknown as { ceConsoleErrors?: string[] }).ceConsoleErrors;
  if (!recorded) return [];
  return recorded.splice(0, recorded.length);
}

afterEach(async function () {
  fixtureCleanup();
  await resetMouse();
  const unexpected = takeConsoleErrors().filter((text) => !allowed.some((pattern) => pattern.test(text)));
  allowed = [];
  if (unexpected.length) {
    const error = new Error(`The test logged ${unexpected.length} console error(s):\n${unexpected.map((e) => `  ${e}`).join('\n')}`);
    // Fail the test that logged them, not this hook: mocha answers a failing root hook by skipping
    // every test left in the file, so one bad test took the rest of its file down with it.
    if (this.test) this.test.error(error);
    else throw error;
  }
});
