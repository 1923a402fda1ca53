/**
 * The committed OpenAPI document is exactly what the route table and the schemas generate, covers
 * every route, and is a well-formed OpenAPI 3.1 document whose schemas compile.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routes, type RouteDef } from '../../src/sdk/contract.js';
import { buildOpenApi, errorStatuses, HTTP_METHODS, serializeOpenApi, type JsonObject } from '../../scripts/openapi-lib.js';
import { createAjv, rewriteRefs, SCHEMA_ROOT_ID } from '../../scripts/openapi-validate.js';

const committedText = readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8');
const committed = JSON.parse(committedText) as JsonObject;
const doc = buildOpenApi();
const routeEntries = Object.entries(routes) as [string, RouteDef][];

function sorted<T>(items: T[], compare?: (a: T, b: T) => number): T[] {
  const copy = [...items];
  copy.sort(compare);
  return copy;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function operations(): { path: string; method: string; operation: JsonObject }[] {
  const out: { path: string; method: string; operation: JsonObject }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if ((HTTP_METHODS as readonly string[]).includes(method) && isObject(operation)) out.push({ path, method, operation });
    }
  }
  return out;
}

function resolvePointer(ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), doc);
}

function allRefs(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const child of value) allRefs(child, into);
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') into.push(child);
      else allRefs(child, into);
    }
  }
  return into;
}

describe('openapi/openapi.json', () => {
  it('is byte for byte what `npm run openapi` generates from the schemas and the route table', () => {
    expect(committedText).toBe(serializeOpenApi(doc));
  });

  it('is generated deterministically', () => {
    expect(serializeOpenApi(buildOpenApi())).toBe(serializeOpenApi(doc));
  });

  it('has an operation for every route, with its id, method, path and success status', () => {
    for (const [id, route] of routeEntries) {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(isObject(operation), `${id}: ${route.method} ${route.path}`).toBe(true);
      const op = operation as JsonObject;
      expect(op['operationId']).toBe(id);
      expect(op['tags']).toEqual([route.tag]);
      const responses = op['responses'] as JsonObject;
      const statuses = Object.keys(responses).map(Number);
      expect(statuses, id).toEqual(sorted([...errorStatuses(id, route), route.status], (a, b) => a - b));
      expect(statuses, id).toContain(401);
    }
    expect(operations()).toHaveLength(routeEntries.length);
  });

  it('documents If-Match and 412/428 on versioned writes, problem+json on every error', () => {
    for (const [id, route] of routeEntries) {
      const op = doc.paths[route.path]![route.method.toLowerCase()] as JsonObject;
      const params = (op['parameters'] as JsonObject[] | undefined) ?? [];
      const ifMatch = params.find((p) => p['name'] === 'If-Match' && p['in'] === 'header');
      expect(Boolean(ifMatch), id).toBe(Boolean(route.ifMatch));
      if (route.ifMatch) expect(Object.keys(op['responses'] as JsonObject), id).toEqual(expect.arrayContaining(['412', '428']));
      for (const [status, response] of Object.entries(op['responses'] as JsonObject)) {
        if (Number(status) < 400) continue;
        const resolved = resolvePointer((response as { $ref: string }).$ref) as JsonObject;
        expect(Object.keys(resolved['content'] as JsonObject), `${id} ${status}`).toEqual(['application/problem+json']);
      }
    }
  });

  it('resolves every $ref', () => {
    const refs = allRefs(committed);
    expect(refs.length).toBeGreaterThan(50);
    const broken = [...new Set(refs)].filter((ref) => resolvePointer(ref) === undefined);
    expect(broken).toEqual([]);
  });

  it('names the schemas the routes use, pages included', () => {
    const names = Object.keys(doc.components.schemas);
    for (const name of ['Customer', 'CustomerSummary', 'CustomerSummaryPage', 'Problem', 'FieldError', 'Address', 'AddressPage', 'Order', 'OrderSummaryPage', 'NotePage', 'Money']) {
      expect(names).toContain(name);
    }
    expect(names).toEqual(sorted(names));
    // Every component is used: nothing is generated that no route reaches.
    const used = new Set(allRefs({ paths: doc.paths, components: { ...doc.components, schemas: undefined } }).concat(allRefs(doc.components.schemas)));
    for (const name of names) expect(used.has(`#/components/schemas/${name}`), name).toBe(true);
  });

  it('has component schemas that are valid JSON Schema 2020-12 and compile', () => {
    const ajv = createAjv();
    ajv.addSchema({ $id: SCHEMA_ROOT_ID, $defs: rewriteRefs(doc.components.schemas) as JsonObject });
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      expect(ajv.validateSchema(rewriteRefs(schema) as JsonObject), `${name}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
      expect(() => ajv.compile({ $ref: `${SCHEMA_ROOT_ID}#/$defs/${name}` }), name).not.toThrow();
    }
  });

  it('passes a structural check of OpenAPI 3.1', () => {
    const problems: string[] = [];
    const check = (condition: boolean, message: string) => {
      if (!condition) problems.push(message);
    };
    check(/^3\.1\.\d+$/.test(String(committed['openapi'])), 'openapi must be 3.1.x');
    const info = committed['info'];
    check(isObject(info) && typeof info['title'] === 'string' && typeof info['version'] === 'string', 'info needs title and version');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    check(isObject(info) && info['version'] === pkg.version, 'info.version is the package version');
    check(isObject(committed['paths']), 'paths must be an object');
    const schemes = (committed['components'] as JsonObject)['securitySchemes'] as JsonObject;
    for (const requirement of committed['security'] as JsonObject[]) {
      for (const name of Object.keys(requirement)) check(isObject(schemes[name]), `security scheme ${name} must be defined`);
    }
    const declaredTags = new Set((committed['tags'] as JsonObject[]).map((t) => t['name']));
    const ids = new Set<string>();
    for (const { path, method, operation } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      check(path.startsWith('/'), `${where}: a path starts with /`);
      const id = operation['operationId'];
      check(typeof id === 'string' && !ids.has(id), `${where}: operationId must be a unique string`);
      ids.add(String(id));
      for (const tag of (operation['tags'] as string[]) ?? []) check(declaredTags.has(tag), `${where}: tag ${tag} is declared`);
      const params = (operation['parameters'] as JsonObject[] | undefined) ?? [];
      const seen = new Set<string>();
      for (const param of params) {
        check(typeof param['name'] === 'string', `${where}: parameter name`);
        check(['query', 'header', 'path', 'cookie'].includes(String(param['in'])), `${where}: parameter ${String(param['name'])} location`);
        check(isObject(param['schema']) !== isObject(param['content']), `${where}: parameter ${String(param['name'])} needs schema or content`);
        check(!seen.has(`${String(param['in'])}:${String(param['name'])}`), `${where}: parameter ${String(param['name'])} is unique`);
        seen.add(`${String(param['in'])}:${String(param['name'])}`);
        if (param['in'] === 'path') check(param['required'] === true, `${where}: path parameter ${String(param['name'])} is required`);
      }
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => String(m[1]));
      const declared = params.filter((p) => p['in'] === 'path').map((p) => String(p['name']));
      check(JSON.stringify(templated) === JSON.stringify(declared), `${where}: path parameters match the template`);
      const responses = operation['responses'];
      check(isObject(responses) && Object.keys(responses).length > 0, `${where}: responses`);
      for (const [status, response] of Object.entries(responses as JsonObject)) {
        check(/^([1-5][0-9X]{2}|default)$/.test(status), `${where}: response key ${status}`);
        const resolved = isObject(response) && typeof response['$ref'] === 'string' ? resolvePointer(response['$ref']) : response;
        check(isObject(resolved) && typeof resolved['description'] === 'string', `${where} ${status}: description`);
      }
      const body = operation['requestBody'];
      if (body !== undefined) check(isObject(body) && isObject(body['content']), `${where}: requestBody content`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps multipart uploads and binary downloads out of JSON', () => {
    const upload = doc.paths['/customers/{customerId}/attachments']!['post'] as JsonObject;
    const content = (upload['requestBody'] as JsonObject)['content'] as JsonObject;
    expect(Object.keys(content)).toEqual(['multipart/form-data']);
    expect(JSON.stringify(content)).toContain('"file":{"type":"string","format":"binary"');
    const download = doc.paths['/attachments/{attachmentId}/content']!['get'] as JsonObject;
    expect(Object.keys(((download['responses'] as JsonObject)['200'] as JsonObject)['content'] as JsonObject)).toEqual(['application/octet-stream', '*/*']);
    const remove = doc.paths['/attachments/{attachmentId}']!['delete'] as JsonObject;
    expect(((remove['responses'] as JsonObject)['204'] as JsonObject)['content']).toBeUndefined();
  });
});
