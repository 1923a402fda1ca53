/**
 * Scenario switches for the mock API: latency, errors, timeouts and malformed responses, changeable
 * at runtime (from a test, a story, the demo, or `POST /__scenario` on the HTTP server).
 *
 * Rates are probabilities per request; 0 and 1 are deterministic (never, always). `failNext` queues
 * exact failures for the next matching requests, which is what tests should use.
 */

/**
 * What a forced failure does. Before the server does anything: an HTTP status (a problem body),
 * `'timeout'` (hang until the client gives up) or `'network'` (the connection fails). After the
 * server did the work (the faults a write must survive): `'malformed'` (invalid JSON or a body that
 * violates the schema, alternately), `'lost'` (the connection drops instead of the answer),
 * `'late'` (the answer is withheld until the client gives up) or `'stall'` (the headers come, the
 * body stops halfway).
 */
export type FailureKind = number | 'timeout' | 'malformed' | 'network' | 'lost' | 'late' | 'stall';

const FAILURE_WORDS: readonly string[] = ['timeout', 'malformed', 'network', 'lost', 'late', 'stall'];

export interface ScenarioSettings {
  /** Added delay per request in ms: a fixed number or a `[min, max]` range. */
  latency: number | [number, number];
  /** Share of requests (0..1) answered with `errorStatus` problem details. */
  errorRate: number;
  /** The status `errorRate` answers with: 500 or 503 (with `Retry-After`). Default 500. */
  errorStatus: number;
  /** Share of requests (0..1) that never answer until the client aborts them. */
  timeoutRate: number;
  /** Share of requests (0..1) answered with invalid JSON or a body that violates the schema. */
  malformedRate: number;
}

export interface ScenarioController extends ScenarioSettings {
  /**
   * Make the next `count` requests to `routeId` (e.g. `'customers.get'`, or `'*'` for any route)
   * fail with `kind`. Queued failures win over the rates.
   */
  failNext(routeId: string, kind: FailureKind, count?: number): void;
  /** Apply several settings at once (the shape `POST /__scenario` takes). */
  set(settings: Partial<ScenarioSettings> & { failNext?: Array<{ routeId: string; kind: FailureKind; count?: number }> }): void;
  /** Back to no latency, no errors, no queued failures; requests hanging in a timeout are released. */
  reset(): void;
  /** Internal: decide what happens to one request (consumes a queued failure if one matches). */
  decide(routeId: string): ScenarioDecision;
  /** Internal: park a "timed out" request until its signal aborts or `reset()` is called. */
  hang(signal: AbortSignal): Promise<void>;
}

export interface ScenarioDecision {
  delayMs: number;
  failure: FailureKind | null;
  /** For `malformed`: invalid JSON (true) or a schema-violating body (false). */
  invalidJson: boolean;
}

const clampRate = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

/** Validate untrusted settings (e.g. from `POST /__scenario`); returns a list of problems. */
export function checkScenarioSettings(input: unknown): string[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return ['Send a JSON object.'];
  const problems: string[] = [];
  const o = input as Record<string, unknown>;
  const known = new Set(['latency', 'errorRate', 'errorStatus', 'timeoutRate', 'malformedRate', 'failNext', 'reset']);
  for (const key of Object.keys(o)) if (!known.has(key)) problems.push(`Unknown setting "${key}".`);
  if ('latency' in o) {
    const l = o.latency;
    const ok = (typeof l === 'number' && l >= 0) ||
      (Array.isArray(l) && l.length === 2 && l.every((x) => typeof x === 'number' && x >= 0) && (l[0] as number) <= (l[1] as number));
    if (!ok) problems.push('latency must be a number of ms or [min, max].');
  }
  for (const key of ['errorRate', 'timeoutRate', 'malformedRate'] as const) {
    if (key in o && !(typeof o[key] === 'number' && (o[key] as number) >= 0 && (o[key] as number) <= 1)) problems.push(`${key} must be between 0 and 1.`);
  }
  if ('errorStatus' in o && !(typeof o.errorStatus === 'number' && o.errorStatus >= 400 && o.errorStatus <= 599)) problems.push('errorStatus must be an HTTP error status.');
  if ('failNext' in o) {
    const list = o.failNext;
    const valid = Array.isArray(list) && list.every((f: unknown) => {
      if (typeof f !== 'object' || f === null) return false;
      const { routeId, kind, count } = f as Record<string, unknown>;
      return typeof routeId === 'string' &&
        ((typeof kind === 'number' && kind >= 400 && kind <= 599) || (typeof kind === 'string' && FAILURE_WORDS.includes(kind))) &&
        (count === undefined || (typeof count === 'number' && Number.isInteger(count) && count >= 1));
    });
    if (!valid) problems.push(`failNext must be a list of { routeId, kind: status | ${FAILURE_WORDS.map((w) => `"${w}"`).join(' | ')}, count? }.`);
  }
  return problems;
}

const hit = (rate: number): boolean => {
  const r = clampRate(rate);
  return r >= 1 || (r > 0 && Math.random() < r);
};

function pickDelay(latency: ScenarioSettings['latency']): number {
  if (typeof latency === 'number') return Math.max(0, latency);
  const [min, max] = latency;
  return Math.max(0, min + Math.round(Math.random() * (max - min)));
}

export function createScenario(initial: Partial<ScenarioSettings> = {}): ScenarioController {
  const queue: Array<{ routeId: string; kind: FailureKind; left: number }> = [];
  const hanging = new Set<() => void>();
  let malformedCount = 0;

  const controller: ScenarioController = {
    latency: 0,
    errorRate: 0,
    errorStatus: 500,
    timeoutRate: 0,
    malformedRate: 0,

    failNext(routeId, kind, count = 1) {
      if (count < 1) return;
      queue.push({ routeId, kind, left: count });
    },

    set(settings) {
      if (settings.latency !== undefined) controller.latency = settings.latency;
      if (settings.errorRate !== undefined) controller.errorRate = clampRate(settings.errorRate);
      if (settings.errorStatus !== undefined) controller.errorStatus = settings.errorStatus;
      if (settings.timeoutRate !== undefined) controller.timeoutRate = clampRate(settings.timeoutRate);
      if (settings.malformedRate !== undefined) controller.malformedRate = clampRate(settings.malformedRate);
      for (const f of settings.failNext ?? []) controller.failNext(f.routeId, f.kind, f.count);
    },

    reset() {
      controller.latency = 0;
      controller.errorRate = 0;
      controller.errorStatus = 500;
      controller.timeoutRate = 0;
      controller.malformedRate = 0;
      queue.length = 0;
      malformedCount = 0;
      for (const release of hanging) release();
      hanging.clear();
    },

    decide(routeId) {
      const delayMs = pickDelay(controller.latency);
      let failure: FailureKind | null = null;
      const queued = queue.find((f) => f.routeId === routeId || f.routeId === '*');
      if (queued) {
        failure = queued.kind;
        queued.left -= 1;
        if (queued.left <= 0) queue.splice(queue.indexOf(queued), 1);
      } else if (hit(controller.timeoutRate)) failure = 'timeout';
      else if (hit(controller.errorRate)) failure = controller.errorStatus;
      else if (hit(controller.malformedRate)) failure = 'malformed';
      // Malformed bodies alternate: a schema-violating body first, then invalid JSON, and so on.
      const invalidJson = failure === 'malformed' ? malformedCount++ % 2 === 1 : false;
      return { delayMs, failure, invalidJson };
    },

    hang(signal) {
      return new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        const release = () => {
          hanging.delete(release);
          signal.removeEventListener('abort', release);
          resolve();
        };
        hanging.add(release);
        signal.addEventListener('abort', release, { once: true });
      });
    },
  };
  controller.set(initial);
  return controller;
}
