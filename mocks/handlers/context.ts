/**
 * What a resource handler gets from the pipeline (an authenticated user, parsed parameters, query
 * and body) and the helpers every resource shares: loading with 404s, capabilities, system notes.
 */
import type { Actor, Capability, FieldChange, Money, Note, Order } from '../../src/sdk/schemas.js';
import type { RouteId } from '../../src/sdk/contract.js';
import type { CustomerRecord, Database, UserRecord } from '../data/database.js';
import { HttpError, notFound } from './problem.js';

export interface HandlerContext {
  routeId: RouteId;
  db: Database;
  request: Request;
  /** The API base URL the handlers are mounted on (for `Location` headers). */
  baseUrl: string;
  user: UserRecord;
  actor: Actor;
  params: Record<string, string>;
  /** The validated query (numbers coerced), or `{}`. */
  query: Record<string, unknown>;
  /** The validated JSON body, or the parsed `FormData` for multipart routes, or `undefined`. */
  body: unknown;
  /** The time of this request (ISO), one value for every record it writes. */
  now: string;
}

/** What a resource handler returns: a JSON body (validated against the route's response schema), or a ready Response. */
export interface HandlerResult {
  body?: unknown;
  status?: number;
  headers?: Record<string, string>;
}

export interface ResourceDef {
  handle(ctx: HandlerContext): HandlerResult | Response | Promise<HandlerResult | Response>;
  /** For `ifMatch` routes: the version the server holds now (throws 404 when the record is missing). */
  version?(ctx: HandlerContext): number;
}

export type ResourceMap = Record<RouteId, ResourceDef>;

export const actorOf = (user: UserRecord): Actor => ({ type: 'user', id: user.id, name: user.name });

export function requireCapability(ctx: HandlerContext, capability: Capability, detail?: string): void {
  if (!ctx.user.capabilities.includes(capability)) {
    throw new HttpError(403, {
      detail: detail ?? `This needs the "${capability}" capability, which your account does not have.`,
      requiredCapability: capability,
    });
  }
}

export function param(ctx: HandlerContext, name: string): string {
  const value = ctx.params[name];
  if (typeof value !== 'string' || value === '') throw new HttpError(400, { detail: `Missing path parameter "${name}".` });
  return value;
}

export function loadCustomer(ctx: HandlerContext): CustomerRecord {
  const id = param(ctx, 'customerId');
  const customer = ctx.db.getCustomer(id);
  if (!customer) throw notFound('customer', id);
  return customer;
}

export function loadOrder(ctx: HandlerContext): Order {
  const id = param(ctx, 'orderId');
  const order = ctx.db.getOrder(id);
  if (!order) throw notFound('order', id);
  return order;
}

/** Record a change on the customer's history, as CCP does for every change. */
export function systemNote(
  ctx: HandlerContext,
  customerId: string,
  text: string,
  changes: FieldChange[],
): Note {
  return ctx.db.addNote({
    customerId,
    source: 'system',
    kind: null,
    text,
    pinned: false,
    author: ctx.actor,
    createdAt: ctx.now,
    changes,
    removed: null,
  });
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
export function formatMoney(m: Money): string {
  let f = moneyFormats.get(m.currency);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { style: 'currency', currency: m.currency });
    moneyFormats.set(m.currency, f);
  }
  return f.format(m.amountMinor / 100);
}

/** The ETag of a versioned record. */
export const etag = (version: number) => `"${version}"`;

/** Parse `If-Match`: `"3"`, `W/"3"` or `3`; `*` matches any version. Returns null when absent, NaN when unreadable. */
export function parseIfMatch(header: string | null): number | '*' | null {
  if (header === null || header.trim() === '') return null;
  const value = header.split(',')[0]!.trim();
  if (value === '*') return '*';
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(value);
  return m ? Number(m[1]) : Number.NaN;
}
