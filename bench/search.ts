/**
 * Customer search benchmark: the indexed `searchCustomers` of the reference data model against a
 * naive linear scan with the same semantics, on the largest data set (10,000 customers, 100,000
 * orders, plus the big customer's 100,000), measured in the same run.
 *
 *   npm run bench:search            (or: npx tsx bench/search.ts [queriesPerCriterion] [seed])
 *
 * The naive peer is given every advantage but an index: names already split into words, emails and
 * postcodes already normalised, and every order's identifiers already in a flat table. It scans
 * every customer (for name, email, postcode, eBay id) or every order (for order identifiers).
 * Each query's two answers are compared, so the figures are for the same results.
 */
import { availableParallelism, loadavg } from 'node:os';
import { createDatabase, type Database } from '../mocks/data/index.js';
import type { ChannelKind } from '../mocks/data/identifiers.js';
import { ordinalOfOrderId } from '../mocks/data/identifiers.js';
import { derivedIdentifiers, identifiersOfOrder, type OrderIdentifiers } from '../mocks/data/orders.js';
import { Rng } from '../mocks/data/random.js';
import { initialOf, nameTokens, normaliseExact, normalisePostcode, sortKeyOf } from '../mocks/data/search-index.js';
import { SEARCH_CRITERIA, type SearchCriterion } from '../src/sdk/schemas.js';

const QUERIES = Number(process.argv[2] ?? 200);
const SEED = Number(process.argv[3] ?? 1);
const SIZE = { customers: 10_000, orders: 100_000, bigCustomerOrders: 100_000, manyNotes: 3_000 };

const out = (line = '') => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

function timed<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}

const [, defaultBuild] = timed(() => createDatabase({ seed: SEED }));
const [db, build] = timed(() => createDatabase({ seed: SEED, size: SIZE }));

// ---------------------------------------------------------------------------------------------
// The naive peer: flat tables, scanned in full for every query
// ---------------------------------------------------------------------------------------------

interface NaiveCustomer {
  id: string;
  type: string;
  sortKey: string;
  initial: string;
  tokens: string[];
  email: string;
  postcode: string;
  ebay: string;
}
interface NaiveOrder extends OrderIdentifiers {
  customerId: string;
}

/** Built from a second database made the same way, so the measured one stays as a server would have it. */
function buildNaive(): { customers: NaiveCustomer[]; orders: NaiveOrder[]; sample: Database } {
  const source = createDatabase({ seed: SEED, size: SIZE });
  const kinds = new Map(source.reference.salesChannels.map((c) => [c.id, c.kind as ChannelKind]));
  const fixtureIds = new Set(Object.values(source.fixtures.customers));
  const customers: NaiveCustomer[] = [];
  const orders: NaiveOrder[] = [];
  for (const c of source.searchCustomers({})) {
    const addresses = source.addressesOf(c.id);
    const primary = (addresses.find((a) => a.roles.includes('billing')) ?? addresses[0])?.postcode ?? null;
    customers.push({
      id: c.id, type: c.type, sortKey: sortKeyOf(c.name), initial: initialOf(c.name),
      tokens: nameTokens(`${c.name} ${c.tradingName ?? ''}`), email: c.email ? normaliseExact(c.email) : '',
      postcode: primary ? normalisePostcode(primary) : '', ebay: c.ebayUserId ? normaliseExact(c.ebayUserId) : '',
    });
    // Fixture orders may carry hand-made identifiers, so read them in full; the rest as generated.
    const hand = fixtureIds.has(c.id) && c.id !== source.fixtures.customers.bigOrders;
    for (const o of source.ordersOf(c.id, { sort: 'number', order: 'asc' })) {
      const ids = hand
        ? identifiersOfOrder(source.getOrder(o.id)!)
        : derivedIdentifiers(ordinalOfOrderId(o.id)!, o.status, kinds.get(o.salesChannelId) ?? 'manual');
      const normalised: NaiveOrder = {
        customerId: c.id,
        orderNumber: normaliseExact(ids.orderNumber),
        orderReference: normaliseExact(ids.orderReference),
        externalOrderReference: ids.externalOrderReference && normaliseExact(ids.externalOrderReference),
        amazonOrderId: ids.amazonOrderId && normaliseExact(ids.amazonOrderId),
        invoiceNumber: ids.invoiceNumber && normaliseExact(ids.invoiceNumber),
        dispatchId: ids.dispatchId && normaliseExact(ids.dispatchId),
        trackingNumber: ids.trackingNumber.map(normaliseExact),
      };
      orders.push(normalised);
    }
  }
  return { customers, orders, sample: source };
}

const [naive, naiveBuild] = timed(buildNaive);
const rank = new Map<string, NaiveCustomer>(naive.customers.map((c) => [c.id, c]));

function naiveSearch(criterion: SearchCriterion, rawQ: string): string[] {
  const q = rawQ.trim();
  let hits: NaiveCustomer[];
  if (criterion === 'name') {
    const words = nameTokens(q);
    hits = words.length === 0 ? [] : naive.customers.filter((c) => words.every((w) => c.tokens.some((t) => t.startsWith(w))));
  } else if (criterion === 'email') {
    const e = normaliseExact(q);
    hits = naive.customers.filter((c) => c.email !== '' && c.email.startsWith(e));
  } else if (criterion === 'postcode') {
    const p = normalisePostcode(q);
    hits = p === '' ? [] : naive.customers.filter((c) => c.postcode !== '' && c.postcode.startsWith(p));
  } else if (criterion === 'ebayUserId') {
    const e = normaliseExact(q);
    hits = naive.customers.filter((c) => c.ebay !== '' && c.ebay === e);
  } else {
    const v = normaliseExact(q);
    const found = new Set<string>();
    for (const o of naive.orders) {
      const value = o[criterion];
      if (Array.isArray(value) ? value.includes(v) : value === v) found.add(o.customerId);
    }
    hits = [...found].map((id) => rank.get(id)!);
  }
  hits.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return hits.map((c) => c.id);
}

// ---------------------------------------------------------------------------------------------
// Queries: what a user would type, from seeded samples of the data (10% that find nothing)
// ---------------------------------------------------------------------------------------------

const rng = new Rng(SEED * 7919 + 17);
const typed = (value: string) => {
  // Users type in any case and leave stray spaces.
  const cased = rng.bool(0.3) ? value.toLowerCase() : rng.bool(0.2) ? value.toUpperCase() : value;
  return rng.bool(0.15) ? ` ${cased} ` : cased;
};
const miss = (value: string) => value.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 5) % 10)) + (rng.bool() ? '9' : '');

function queriesFor(criterion: SearchCriterion): string[] {
  const list: string[] = [];
  const customers = naive.customers;
  while (list.length < QUERIES) {
    if (rng.bool(0.1)) {
      list.push(criterion === 'name' ? 'Zyqwx' : criterion === 'postcode' ? 'ZZ9 9ZZ' : criterion === 'email' ? 'nobody.at.all@' : miss(sampleValue(criterion)));
      continue;
    }
    switch (criterion) {
      case 'name': {
        const c = naive.sample.getCustomer(rng.pick(customers).id)!;
        const words = c.name.split(/\s+/).filter((x) => /^[A-Za-z]/.test(x));
        const word = words.length ? rng.pick(words) : c.name;
        const prefix = word.slice(0, rng.int(Math.min(2, word.length), word.length));
        list.push(typed(rng.bool(0.2) && words.length > 1 ? `${words[0]} ${prefix}` : prefix));
        break;
      }
      case 'email': {
        const c = rng.pick(customers);
        if (!c.email) continue;
        list.push(typed(c.email.slice(0, rng.int(3, c.email.length))));
        break;
      }
      case 'postcode': {
        const c = naive.sample.toSummary(naive.sample.getCustomer(rng.pick(customers).id)!);
        if (!c.postcode || !/^[A-Z0-9]+ [A-Z0-9]+$/.test(c.postcode)) continue;
        const [outward, inward] = c.postcode.split(' ') as [string, string];
        list.push(typed(rng.pick([outward, `${outward} ${inward}`, `${outward}${inward}`, `${outward} ${inward.charAt(0)}`])));
        break;
      }
      default:
        list.push(typed(sampleValue(criterion)));
    }
  }
  return list;
}

function sampleValue(criterion: SearchCriterion): string {
  if (criterion === 'ebayUserId') {
    for (;;) {
      const c = rng.pick(naive.customers);
      if (c.ebay) return naive.sample.getCustomer(c.id)!.ebayUserId!;
    }
  }
  if (criterion === 'name' || criterion === 'email' || criterion === 'postcode') return 'x';
  for (;;) {
    const o = rng.pick(naive.orders);
    const value = o[criterion];
    const one = Array.isArray(value) ? value[0] : value;
    if (one) return one.toUpperCase();
  }
}

// ---------------------------------------------------------------------------------------------
// Measure
// ---------------------------------------------------------------------------------------------

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

interface Row {
  criterion: string;
  p50: number;
  p95: number;
  naiveP50: number;
  naiveP95: number;
  hits: number;
  agree: boolean;
}

const rows: Row[] = [];
for (const criterion of SEARCH_CRITERIA) {
  const queries = queriesFor(criterion);
  // Warm both up on a few queries first, so neither pays for the JIT in the figures.
  for (const q of queries.slice(0, 20)) {
    db.searchCustomers({ q, criterion });
    naiveSearch(criterion, q);
  }
  // Each side runs its batch on its own, so neither pays for the caches the other just flushed.
  const indexed: number[] = [];
  const scanned: number[] = [];
  const indexedResults: string[][] = [];
  for (const q of queries) {
    const t = performance.now();
    const found = db.searchCustomers({ q, criterion });
    indexed.push(performance.now() - t);
    indexedResults.push(found.map((c) => c.id));
  }
  let agree = true;
  let hits = 0;
  queries.forEach((q, i) => {
    const t = performance.now();
    const found = naiveSearch(criterion, q);
    scanned.push(performance.now() - t);
    const mine = indexedResults[i]!;
    hits += mine.length;
    if (mine.length !== found.length || mine.some((id, j) => id !== found[j])) agree = false;
  });
  indexed.sort((x, y) => x - y);
  scanned.sort((x, y) => x - y);
  rows.push({
    criterion,
    p50: quantile(indexed, 0.5),
    p95: quantile(indexed, 0.95),
    naiveP50: quantile(scanned, 0.5),
    naiveP95: quantile(scanned, 0.95),
    hits: hits / queries.length,
    agree,
  });
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const ms = (x: number) => (x < 0.01 ? x.toFixed(4) : x < 1 ? x.toFixed(3) : x.toFixed(2));
const ratio = (naiveMs: number, indexedMs: number) => `${Math.round(naiveMs / Math.max(indexedMs, 0.0001))}×`;
const table: string[][] = [
  ['criterion', 'p50 ms', 'p95 ms', 'naive p50 ms', 'naive p95 ms', 'p50 speed-up', 'p95 speed-up', 'mean hits', 'same results'],
  ...rows.map((r) => [
    r.criterion, ms(r.p50), ms(r.p95), ms(r.naiveP50), ms(r.naiveP95), ratio(r.naiveP50, r.p50), ratio(r.naiveP95, r.p95),
    r.hits.toFixed(1), r.agree ? 'yes' : 'NO',
  ]),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
const line = (row: string[]) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;

out(`Customer search benchmark — Node ${process.version}, seed ${SEED}, ${QUERIES} queries per criterion`);
out(`Machine: ${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')} at the end (timings on a shared machine swing with it)`);
out(`Data set: ${SIZE.customers.toLocaleString('en-GB')} customers (+19 fixtures), ${SIZE.orders.toLocaleString('en-GB')} orders + ${SIZE.bigCustomerOrders.toLocaleString('en-GB')} of the big customer`);
out(`Build: createDatabase() ${build.toFixed(0)} ms at that size; ${defaultBuild.toFixed(0)} ms at the default size (1,000 customers / 20,000 orders; first build in this process, so it includes JIT warm-up); naive tables ${naiveBuild.toFixed(0)} ms`);
out();
out(line(table[0]!));
out(`|${widths.map((w, i) => (i === 0 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`);
for (const row of table.slice(1)) out(line(row));
out();
out('Speed-up = naive linear scan ÷ indexed search, same queries, same results, same run.');
if (rows.some((r) => !r.agree)) {
  out('WARNING: the indexed and naive searches disagreed on some queries.');
  process.exitCode = 1;
}
