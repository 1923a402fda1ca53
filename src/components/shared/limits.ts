/**
 * Length limits that speak.
 *
 * Every limit is read from the request schemas of `src/sdk/schemas.ts` (the ones the contract, the
 * OpenAPI document and the reference API are built from), so a limit is written once and the UI
 * follows when the contract changes. Components read them from `limits.generated.ts`, which
 * `npm run limits` writes from the schemas with `textLimit` below (a test fails when it is stale),
 * so that a page counting characters does not carry the schemas. Inputs never cut what is typed (no `maxlength`): the text
 * stays whole, a counter appears near the limit, a message says how much to remove once it is over,
 * and the component refuses to send it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from './format.js';
import { translate } from './i18n.js';

/** The maximum length of a text field, as the server counts it. */
export interface TextLimit {
  /** The most characters (UTF-16 code units, as valibot's `maxLength` counts) the server accepts. */
  readonly max: number;
  /** The schema trims before it measures, so surrounding spaces do not count. */
  readonly trims: boolean;
}

interface SchemaLike {
  kind?: unknown;
  type?: unknown;
  wrapped?: unknown;
  pipe?: readonly { kind?: unknown; type?: unknown; requirement?: unknown }[];
}

const WRAPPERS = new Set(['optional', 'nullable', 'nullish', 'exact_optional', 'undefinedable', 'non_optional', 'non_nullable', 'non_nullish']);

/**
 * The `maxLength` of a string schema, looking through optional/nullable wrappers and nested pipes;
 * undefined when the schema sets none.
 */
export function textLimit(schema: unknown): TextLimit | undefined {
  const found = walk(schema, false);
  return found.max === undefined ? undefined : { max: found.max, trims: found.trims };
}

/** Runs through a schema's pipe in order, as valibot does: a trim before the maxLength counts. */
function walk(schema: unknown, trims: boolean): { max?: number; trims: boolean } {
  const s = schema as SchemaLike | null | undefined;
  if (!s || typeof s !== 'object') return { trims };
  if (typeof s.type === 'string' && WRAPPERS.has(s.type)) return walk(s.wrapped, trims);
  if (!Array.isArray(s.pipe)) return { trims };
  let trimmed = trims;
  for (const item of s.pipe) {
    if (item === s) continue;
    if (item.kind === 'schema') {
      const inner = walk(item, trimmed);
      if (inner.max !== undefined) return inner;
      trimmed = inner.trims;
    } else if (item.kind === 'transformation' && item.type === 'trim') {
      trimmed = true;
    } else if (item.kind === 'validation' && item.type === 'max_length' && typeof item.requirement === 'number') {
      return { max: item.requirement, trims: trimmed };
    }
  }
  return { trims: trimmed };
}

/** The limit of one field of an object schema (`fieldLimit(NoteInput, 'text')`). */
export function fieldLimit(objectSchema: { entries: Record<string, unknown> }, field: string): TextLimit | undefined {
  return textLimit(objectSchema.entries[field]);
}

/** Where a value stands against its limit. */
export interface LimitState {
  length: number;
  max: number;
  /** From 90 % of the limit: show the counter. */
  near: boolean;
  /** Exactly at the limit. */
  at: boolean;
  /** Past the limit: the value cannot be sent. */
  over: boolean;
  /** How many characters to remove (0 when not over). */
  excess: number;
}

/** The share of the limit from which the counter shows. */
export const COUNTER_FROM = 0.9;

export function limitState(value: string | null | undefined, limit: TextLimit | undefined): LimitState | undefined {
  if (!limit) return undefined;
  const text = typeof value === 'string' ? value : '';
  const length = limit.trims ? text.trim().length : text.length;
  const { max } = limit;
  return {
    length,
    max,
    near: length >= Math.ceil(max * COUNTER_FROM),
    at: length === max,
    over: length > max,
    excess: Math.max(0, length - max),
  };
}

/** True when the value is longer than the limit allows (the server would refuse it). */
export function isOverLimit(value: string | null | undefined, limit: TextLimit | undefined): boolean {
  return limitState(value, limit)?.over === true;
}

/** The ids `renderLimit` gives its counter and message: add them to the input's `aria-describedby`. */
export function limitDescribedBy(id: string, value: string | null | undefined, limit: TextLimit | undefined): string {
  const state = limitState(value, limit);
  if (!state) return '';
  if (state.over) return `${id}-count ${id}-limit`;
  return state.near ? `${id}-count` : '';
}

/** The sentence shown (and announced) when the value is over its limit. */
export function overLimitMessage(locale: string, label: string, state: LimitState): string {
  return translate(locale, 'limit.over', {
    label,
    max: formatNumber(state.max, locale),
    excess: formatNumber(state.excess, locale),
  });
}

export interface RenderLimitOptions {
  /** The input's id; the counter gets `<id>-count`, the message `<id>-limit`. */
  id: string;
  value: string | null | undefined;
  limit: TextLimit | undefined;
  locale: string;
  /** The field's name as the message says it ("Note", "Trading name"). */
  label: string;
  /** Replaces the over-limit sentence (the search box says its own). */
  overMessage?: string;
}

/**
 * The counter and the over-limit message for one field, to render right after it.
 *
 * The counter ("4,980 / 5,000") shows from 90 % of the limit. A polite live region says once that
 * the limit is reached, and once that it is passed; its text does not change with every keystroke,
 * so screen readers are not flooded while the user types or deletes. The visible message (with how
 * many characters to remove) is tied to the input through `aria-describedby`.
 */
export function renderLimit(o: RenderLimitOptions): TemplateResult | typeof nothing {
  const state = limitState(o.value, o.limit);
  if (!state) return nothing;
  const n = (x: number) => formatNumber(x, o.locale);
  const count = n(state.length);
  const max = n(state.max);
  const announcement = state.over
    ? translate(o.locale, 'limit.overStatus', { label: o.label, max })
    : state.at
      ? translate(o.locale, 'limit.reached', { label: o.label, max })
      : '';
  return html`${state.near
      ? html`<p class="ce-limit-count ${state.over ? 'ce-limit-count--over' : ''}" part="limit-count" id="${o.id}-count">
          <span aria-hidden="true">${translate(o.locale, 'limit.counter', { count, max })}</span>
          <span class="ce-visually-hidden">${translate(o.locale, 'limit.counterLong', { count, max })}</span>
        </p>`
      : nothing}${state.over
      ? html`<p class="ce-field-error" part="limit-error" id="${o.id}-limit">${o.overMessage ?? overLimitMessage(o.locale, o.label, state)}</p>`
      : nothing}<span class="ce-visually-hidden" role="status">${announcement}</span>`;
}
