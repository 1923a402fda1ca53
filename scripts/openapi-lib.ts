/**
 * Generates the OpenAPI 3.1 document of the reference API from the route table (`src/sdk/contract.ts`)
 * and the valibot schemas (`src/sdk/schemas.ts`). Nothing about shapes is written by hand here: a
 * change to a schema or a route changes the document, and `npm run openapi -- --check` (and a test)
 * fail until the committed `openapi/openapi.json` is regenerated.
 *
 * The output is deterministic: keys are inserted in a fixed order (route table order for paths,
 * alphabetical for components, ascending for status codes), so the committed file compares byte
 * for byte.
 */
import { readFileSync } from 'node:fs';
import { toJsonSchemaDefs } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { routes, type RouteDef } from '../src/sdk/contract.js';
import * as baseSchemas from '../src/sdk/schemas.js';
import * as catalogueSchemas from '../src/sdk/schemas-catalogue.js';

const schemas = { ...baseSchemas, ...catalogueSchemas };
import { CONTACT, OPERATION_DESCRIPTIONS, TAG_DESCRIPTIONS } from './openapi-docs.js';

export type JsonObject = { [key: string]: unknown };

/** The parts of an OpenAPI 3.1 document that the validator and the tests read. */
export interface OpenApiDocument extends JsonObject {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  /** Path template → method (lower case) → operation object. */
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, JsonObject>;
    responses?: Record<string, JsonObject>;
    [key: string]: unknown;
  };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const SCHEMA_REF = '#/components/schemas/';
const RESPONSE_REF = '#/components/responses/';
const ANONYMOUS_PREFIX = '__anonymous_';
const OBJECT_TYPES = new Set(['object', 'strict_object', 'loose_object', 'object_with_rest']);
/** Schema kinds exported from schemas.ts that become named components (objects and enums). */
const NAMED_TYPES = new Set([...OBJECT_TYPES, 'picklist', 'enum', 'variant', 'union']);

interface SchemaLike {
  kind: string;
  type: string;
  entries?: Record<string, SchemaLike>;
  item?: SchemaLike;
  wrapped?: SchemaLike;
}

/** A sorted copy (`toSorted` is not in the ES2022 lib this project targets). */
function sortedCopy<T>(items: Iterable<T>, compare?: (a: T, b: T) => number): T[] {
  const copy = [...items];
  copy.sort(compare);
  return copy;
}

const isSchema = (value: unknown): value is v.GenericSchema & SchemaLike =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'schema';

/** The reusable error responses, by status. Each is a `components.responses` entry. */
const ERROR_RESPONSES: Record<number, { name: string; description: string; headers?: JsonObject }> = {
  400: { name: 'BadRequest', description: 'The query string or the request is malformed; `errors` lists each invalid parameter.' },
  401: {
    name: 'Unauthorized',
    description: 'No valid bearer token.',
    headers: { 'WWW-Authenticate': { description: 'The authentication scheme: `Bearer`.', required: true, schema: { type: 'string' } } },
  },
  403: { name: 'Forbidden', description: 'The session lacks the capability; `requiredCapability` names it.' },
  404: { name: 'NotFound', description: 'No such resource.' },
  409: { name: 'Conflict', description: 'The resource is in a state that does not allow this (e.g. the order is already dispatched, or another address holds the single-holder role: `roleHolders` names it), or a request with the same `Idempotency-Key` is still being processed.' },
  412: { name: 'PreconditionFailed', description: 'The `If-Match` version is stale: someone changed the resource since it was read. `currentVersion` is the version held now.' },
  413: { name: 'PayloadTooLarge', description: 'The uploaded file is too large.' },
  415: { name: 'UnsupportedMediaType', description: 'The uploaded file type is not accepted.' },
  422: { name: 'ValidationFailed', description: 'The body is invalid (`errors` lists one field error per invalid field), or the `Idempotency-Key` was already used for a different request.' },
  428: { name: 'PreconditionRequired', description: 'The write needs an `If-Match` header with the version read.' },
  500: { name: 'InternalServerError', description: 'Unexpected server error.' },
  503: { name: 'ServiceUnavailable', description: 'The service is temporarily unavailable; retry later.' },
};

const SUCCESS_DESCRIPTIONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No content' };

/** The exported schemas of schemas.ts that may become named components, by export name. */
function candidateDefinitions(): Map<string, v.GenericSchema & SchemaLike> {
  const found = new Map<string, v.GenericSchema & SchemaLike>();
  const seen = new Set<unknown>();
  for (const name of sortedCopy(Object.keys(schemas))) {
    const value: unknown = (schemas as Record<string, unknown>)[name];
    if (!isSchema(value) || !NAMED_TYPES.has(value.type) || seen.has(value)) continue;
    seen.add(value);
    found.set(name, value);
  }
  return found;
}

/** `page(Item)` produces a fresh schema at each call: recognise it by shape and name it `ItemPage`. */
function pageItemName(schema: SchemaLike, names: Map<unknown, string>): string | undefined {
  if (!OBJECT_TYPES.has(schema.type) || !schema.entries) return undefined;
  const keys = Object.keys(schema.entries);
  if (keys.length !== 3 || !['items', 'nextCursor', 'total'].every((k) => keys.includes(k))) return undefined;
  const items = schema.entries['items'];
  return items?.type === 'array' ? names.get(items.item) : undefined;
}

/** Removes what JSON Schema allows but only adds noise (`required: []`). */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (typeof value !== 'object' || value === null) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'required' && Array.isArray(child) && child.length === 0) continue;
    out[key] = tidy(child);
  }
  return out;
}

function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const child of value) collectRefs(child, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMA_REF)) {
        const name = child.slice(SCHEMA_REF.length);
        // A schema converted only to be inlined must never be referenced (it has no component).
        if (name.startsWith(ANONYMOUS_PREFIX)) throw new Error(`A schema is shared by a route and a named schema but has no name: ${name}`);
        into.add(name);
      } else collectRefs(child, into);
    }
  }
}

class SchemaConverter {
  private readonly names = new Map<unknown, string>();
  private readonly definitions: Record<string, v.GenericSchema> = {};
  private converted: Record<string, JsonObject> | undefined;
  private anonymousCount = 0;
  private readonly anonymous = new Map<unknown, string>();

  constructor(routeList: RouteDef[]) {
    for (const [name, schema] of candidateDefinitions()) {
      this.names.set(schema, name);
      this.definitions[name] = schema;
    }
    // Name the pages the routes return, by their item; later instances of the same page share the name.
    for (const route of routeList) {
      const response = route.response;
      if (!isSchema(response) || this.names.has(response)) continue;
      const item = pageItemName(response, this.names);
      if (!item) continue;
      const name = `${item}Page`;
      if (!(name in this.definitions)) this.definitions[name] = response;
      this.names.set(response, name);
    }
    // Route-level schemas that are not named (e.g. `v.array(Contact)`) are converted alongside the
    // definitions so that their nested named schemas become `$ref`s too.
    for (const route of routeList) {
      for (const schema of [route.response, route.body]) {
        if (isSchema(schema) && !this.names.has(schema)) this.registerAnonymous(schema);
      }
      if (route.query && isSchema(route.query)) {
        for (const entry of Object.values((route.query as SchemaLike).entries ?? {})) {
          const inner = unwrapOptional(entry).schema;
          if (!this.names.has(inner)) this.registerAnonymous(inner);
        }
      }
    }
  }

  private registerAnonymous(schema: unknown): void {
    if (this.anonymous.has(schema)) return;
    const key = `${ANONYMOUS_PREFIX}${this.anonymousCount++}`;
    this.anonymous.set(schema, key);
    // Convert a fresh wrapper, not the schema itself: the converter finds definitions by identity,
    // and a schema shared with a named component (e.g. `Id`) must stay inline there.
    this.definitions[key] = v.pipe(schema as v.GenericSchema);
  }

  private all(): Record<string, JsonObject> {
    if (!this.converted) {
      this.converted = toJsonSchemaDefs(this.definitions, {
        target: 'draft-2020-12',
        // Trimming is a transformation with no JSON Schema equivalent; the length rules around it still apply.
        ignoreActions: ['trim'],
        overrideRef: (context) => `${SCHEMA_REF}${context.referenceId}`,
      }) as Record<string, JsonObject>;
    }
    return this.converted;
  }

  /** The JSON Schema of a route-level schema: a `$ref` when it is named, else inline. */
  schemaOf(schema: unknown): JsonObject {
    const name = this.names.get(schema);
    if (name) return { $ref: `${SCHEMA_REF}${name}` };
    const key = this.anonymous.get(schema);
    const converted = key ? this.all()[key] : undefined;
    if (!converted) throw new Error('Schema was not registered for conversion');
    return tidy(converted) as JsonObject;
  }

  /** The named component schemas reachable from `roots` (the document's operations), sorted by name. */
  components(roots: unknown): Record<string, JsonObject> {
    const all = this.all();
    const reachable = new Set<string>();
    const queue = new Set<string>();
    collectRefs(roots, queue);
    while (queue.size > 0) {
      const [next] = queue;
      queue.delete(next!);
      if (reachable.has(next!)) continue;
      reachable.add(next!);
      const refs = new Set<string>();
      collectRefs(all[next!], refs);
      for (const ref of refs) if (!reachable.has(ref)) queue.add(ref);
    }
    const out: Record<string, JsonObject> = {};
    for (const name of sortedCopy(reachable)) {
      const schema = all[name];
      if (!schema) throw new Error(`Component schema ${name} is referenced but was not generated`);
      out[name] = tidy(schema) as JsonObject;
    }
    return out;
  }
}

function unwrapOptional(schema: SchemaLike): { schema: SchemaLike; optional: boolean } {
  if ((schema.type === 'optional' || schema.type === 'exact_optional' || schema.type === 'nullish') && schema.wrapped) {
    return { schema: schema.wrapped, optional: true };
  }
  return { schema, optional: false };
}

function isVersioned(schema: unknown): boolean {
  return isSchema(schema) && OBJECT_TYPES.has(schema.type) && !!schema.entries && 'version' in schema.entries;
}

function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** The error statuses a route documents, by the rules of the contract, ascending. */
export function errorStatuses(id: string, route: RouteDef): number[] {
  const statuses = new Set<number>([401, 500, 503]);
  if (route.capability || id === 'customers.update') statuses.add(403);
  if (pathParameters(route.path).length > 0) statuses.add(404);
  if (route.query) statuses.add(400);
  if (route.body) {
    statuses.add(422);
    // A body that is not JSON (or not multipart) at all is malformed rather than invalid.
    statuses.add(400);
  }
  if (route.method !== 'GET') {
    // Idempotency-Key: a repeat while the first is in progress (409), a key reused for another request (422).
    statuses.add(409);
    statuses.add(422);
  }
  for (const status of route.errors ?? []) statuses.add(status);
  return sortedCopy(statuses, (a, b) => a - b);
}

/** The `Idempotency-Key` header every write takes (IETF httpapi draft). */
const IDEMPOTENCY_KEY: JsonObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'One key per user intent (a UUID), the same on every retry of that intent. The server stores it, per user, ' +
    'with the fingerprint of the request (method, path, body) and its successful answer, for at least 24 hours: ' +
    'a repeat with the same fingerprint gets the stored answer again (with `Idempotent-Replayed: true`) and ' +
    'changes nothing; the same key with another fingerprint gets 422; a repeat while the first is still being ' +
    'processed gets 409. Failed requests are not stored. Sent by the SDK on every POST, PUT, PATCH and DELETE.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

function operationFor(id: string, route: RouteDef, converter: SchemaConverter): JsonObject {
  const parameters: JsonObject[] = pathParameters(route.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string', minLength: 1 },
  }));
  if (route.query && isSchema(route.query)) {
    for (const [name, entry] of Object.entries((route.query as SchemaLike).entries ?? {})) {
      const { schema, optional } = unwrapOptional(entry);
      parameters.push({ name, in: 'query', required: !optional, schema: converter.schemaOf(schema) });
    }
  }
  if (route.method !== 'GET') parameters.push(IDEMPOTENCY_KEY);
  if (route.languages) {
    parameters.push({
      name: 'Accept-Language',
      in: 'header',
      required: false,
      description:
        `The languages the caller reads, with q-values (RFC 9110), e.g. \`de-DE, de;q=0.9, en;q=0.5\`. Served in: ` +
        `${route.languages.map((l) => `\`${l}\``).join(', ')}; a tag matches by its language (\`de-AT\` → \`de\`), ` +
        `\`q=0\` refuses one, and anything else (or no header) gets \`${route.languages[0]}\`.`,
      schema: { type: 'string' },
      example: 'de-DE, de;q=0.9, en;q=0.5',
    });
  }
  if (route.ifMatch) {
    parameters.push({
      name: 'If-Match',
      in: 'header',
      required: true,
      description: 'The version last read, as the ETag gave it (`"<version>"`). Stale: 412; missing: 428.',
      schema: { type: 'string' },
    });
  }

  const operation: JsonObject = {
    operationId: id,
    tags: [route.tag],
    summary: route.summary,
  };
  const prose = route.description ?? OPERATION_DESCRIPTIONS[id as keyof typeof OPERATION_DESCRIPTIONS];
  if (route.capability) {
    operation['description'] = [prose, `Requires the capability \`${route.capability}\`.`].filter(Boolean).join('\n\n');
    operation['x-capability'] = route.capability;
  } else if (prose) {
    operation['description'] = prose;
  } else if (id === 'customers.update') {
    operation['description'] =
      'Each field group needs its capability (identity, channel, company, terms, personal); a change to a group the session may not edit answers 403.';
  }
  if (!operation['description']) throw new Error(`${id} has no description: add one to OPERATION_DESCRIPTIONS in scripts/openapi-docs.ts.`);
  if (parameters.length > 0) operation['parameters'] = parameters;

  if (route.body === 'multipart') {
    operation['requestBody'] = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: { file: { type: 'string', format: 'binary', contentMediaType: 'application/octet-stream' } },
            required: ['file'],
          },
        },
      },
    };
  } else if (route.body) {
    operation['requestBody'] = { required: true, content: { 'application/json': { schema: converter.schemaOf(route.body) } } };
  }

  const responses: JsonObject = {};
  const success: JsonObject = { description: SUCCESS_DESCRIPTIONS[route.status] ?? 'Success' };
  if (route.response === 'binary') {
    const binary = { schema: { type: 'string', format: 'binary' } };
    success['headers'] = {
      'Content-Disposition': { description: 'The file name, as `attachment; filename="…"; filename*=UTF-8\'\'…` (RFC 6266).', schema: { type: 'string' } },
    };
    success['content'] = { 'application/octet-stream': binary, '*/*': binary };
  } else if (route.response !== null) {
    if (isVersioned(route.response)) success['headers'] = { ETag: { $ref: '#/components/headers/ETag' } };
    if (route.languages) {
      success['headers'] = {
        ...(success['headers'] as JsonObject | undefined),
        'Content-Language': {
          description: 'The language the answer is in: the best match for `Accept-Language`, else the fallback.',
          required: true,
          schema: { type: 'string', enum: [...route.languages] },
        },
        Vary: {
          description: 'Always includes `Accept-Language`: a cache keeps one answer per language.',
          required: true,
          schema: { type: 'string' },
        },
      };
    }
    success['content'] = { 'application/json': { schema: converter.schemaOf(route.response) } };
  }
  const statuses = sortedCopy([...errorStatuses(id, route), route.status], (a, b) => a - b);
  for (const status of statuses) {
    if (status === route.status) responses[String(status)] = success;
    else {
      const error = ERROR_RESPONSES[status];
      if (!error) throw new Error(`Route ${id} documents status ${status}, which has no reusable error response`);
      responses[String(status)] = { $ref: `${RESPONSE_REF}${error.name}` };
    }
  }
  operation['responses'] = responses;
  return operation;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The OpenAPI 3.1.0 document of the reference API, generated from the route table and the schemas. */
export function buildOpenApi(): OpenApiDocument {
  const entries = Object.entries(routes) as [string, RouteDef][];
  const converter = new SchemaConverter(entries.map(([, route]) => route));

  const paths: Record<string, Record<string, JsonObject>> = {};
  const tags: string[] = [];
  for (const [id, route] of entries) {
    const item = (paths[route.path] ??= {});
    const method = route.method.toLowerCase();
    if (item[method]) throw new Error(`Two routes for ${route.method} ${route.path}`);
    item[method] = operationFor(id, route, converter);
    if (!tags.includes(route.tag)) tags.push(route.tag);
  }
  // Order methods within a path the same way whatever the route table's order.
  for (const [path, item] of Object.entries(paths)) {
    paths[path] = Object.fromEntries(HTTP_METHODS.filter((m) => item[m]).map((m) => [m, item[m]!]));
  }

  const usedErrors = new Set<number>();
  for (const [id, route] of entries) for (const status of errorStatuses(id, route)) usedErrors.add(status);
  const responses: Record<string, JsonObject> = {};
  for (const status of sortedCopy(usedErrors, (a, b) => a - b)) {
    const error = ERROR_RESPONSES[status]!;
    const response: JsonObject = { description: error.description };
    if (error.headers) response['headers'] = error.headers;
    response['content'] = { 'application/problem+json': { schema: { $ref: `${SCHEMA_REF}Problem` } } };
    responses[error.name] = response;
  }

  const componentSchemas = converter.components({ paths, responses });

  return {
    openapi: '3.1.0',
    info: {
      title: 'Customer Elements reference API',
      version: packageVersion(),
      description:
        'The API that the Customer Elements components and SDK call: customers, contacts, addresses, notes, watch list, ' +
        'accounts, loyalty, attachments and orders. Generated from `src/sdk/contract.ts` and `src/sdk/schemas.ts` by ' +
        '`npm run openapi`; do not edit by hand. Errors are RFC 9457 problem details. Writes to versioned resources use ' +
        'optimistic concurrency: read the `ETag`, send it back in `If-Match`. Every write carries an `Idempotency-Key` ' +
        '(IETF httpapi draft): a server keeps the key with its answer per user for at least 24 hours and answers a ' +
        'repeat of the same request with that answer (`Idempotent-Replayed: true`) instead of doing the work twice; the ' +
        'same key with a different request is refused with 422, and a repeat while the first is still running with 409. ' +
        'Only successful answers are kept: a refused request may be sent again with its key. Clients retry writes ' +
        'after a lost or unreadable answer on the strength of this.',
      contact: CONTACT,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      {
        url: '/api',
        description:
          'Relative to the host serving the API (the mocks serve it under `/api`). A backend may serve it under any base URL: configure the SDK with `baseUrl`.',
      },
    ],
    security: [{ bearerAuth: [] }],
    tags: tags.map((name) => {
      const description = TAG_DESCRIPTIONS[name];
      if (!description) throw new Error(`The tag ${name} has no description: add one to TAG_DESCRIPTIONS in scripts/openapi-docs.ts.`);
      return { name, description };
    }),
    paths,
    components: {
      schemas: componentSchemas,
      responses,
      headers: {
        ETag: {
          description: 'The version of the resource, as a strong entity tag (`"<version>"`). Send it back in `If-Match`.',
          required: true,
          schema: { type: 'string' },
        },
      },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A bearer token identifying the back-office user.' },
      },
    },
  };
}

/** The document as committed: 2-space JSON and a final newline. */
export function serializeOpenApi(doc: object): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
