/**
 * The same handlers over a real socket: what a browser on another origin, curl, or another
 * language's client sees from `startMockHttpServer` and from the `mock-server` CLI (`mocks/cli.ts`).
 */
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startMockApiProcess } from '../mock-api-process.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, Page, Problem } from '../../src/sdk/schemas.js';
import { startMockHttpServer, type MockHttpServer } from '../../mocks/server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let api: MockHttpServer;
let admin = '';

beforeAll(async () => {
  api = await startMockHttpServer({ port: 0, seed: 3, size: { customers: 30, orders: 300, bigCustomerOrders: 100, manyNotes: 40 } });
  admin = api.db.fixtures.users.admin.token;
});
afterAll(() => api?.close());

const auth = () => ({ Authorization: `Bearer ${admin}` });

describe('mock API over HTTP', () => {
  it('listens on loopback under /api', () => {
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
  });

  it('serves a read', async () => {
    const id = api.db.fixtures.customers.creditTrade;
    const res = await fetch(`${api.url}/customers/${id}`, { headers: auth() });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"\d+"$/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(((await res.json()) as Customer).id).toBe(id);
  });

  it('keeps a write for the next read', async () => {
    const id = api.db.fixtures.customers.oneAddress;
    const res = await fetch(`${api.url}/customers/${id}/notes`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Asked for a call back on Monday', kind: 'call' }),
    });
    expect(res.status).toBe(201);
    const list = (await (await fetch(`${api.url}/customers/${id}/notes?source=manual`, { headers: auth() })).json()) as Page<{ text: string }>;
    expect(list.items.map((n) => n.text)).toContain('Asked for a call back on Monday');
  });

  it('answers a CORS preflight from any origin', async () => {
    const res = await fetch(`${api.url}/customers/x`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://portal.example',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization, content-type, if-match',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'content-type', 'if-match']) expect(allowed).toContain(h);
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    for (const h of ['etag', 'location', 'retry-after']) expect(exposed).toContain(h);
  });

  it('answers 404 problem details for unknown paths', async () => {
    for (const path of ['/api/nothing-here', '/elsewhere']) {
      const res = await fetch(new URL(path, api.url), { headers: auth() });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as Problem).status).toBe(404);
    }
  });

  it('switches scenarios through POST /__scenario', async () => {
    const set = await fetch(`${api.url}/__scenario`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ failNext: [{ routeId: 'me.get', kind: 503 }] }),
    });
    expect(set.status).toBe(200);
    expect((await fetch(`${api.url}/me`, { headers: auth() })).status).toBe(503);
    expect((await fetch(`${api.url}/me`, { headers: auth() })).status).toBe(200);
    const bad = await fetch(`${api.url}/__scenario`, { method: 'POST', body: JSON.stringify({ errorRate: 7 }) });
    expect(bad.status).toBe(422);
  });

  // A child process under tsx: on a busy two-core machine its start alone has taken 12 s of the default 20.
  it('runs as a CLI that prints its URL and demo tokens and stops on SIGTERM', { timeout: 60_000 }, async () => {
    const { child, url, output } = await startMockApiProcess([`${root}node_modules/tsx/dist/cli.mjs`, 'mocks/cli.ts', '--port', '0', '--customers', '20'], root);
    const out = output();
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
      const token = /Demo token \(admin\): (\S+)/.exec(out)?.[1];
      expect(token).toBeTruthy();
      const me = await fetch(`${url}/me`, { headers: { Authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    }
  });
});
