/**
 * Validates HTTP responses against the OpenAPI document: finds the operation by method and path
 * template (or by operationId), the response by status (then `4XX`-style ranges, then `default`),
 * checks the content type, required response headers and, for JSON bodies, the body against the
 * response schema with ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses). Schemas are compiled on
 * first use and cached.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonObject, OpenApiDocument } from './openapi-lib.js';

// ajv-formats is CommonJS with `exports.default`: its default import is the module object under Node ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

export interface ResponseToValidate {
  method: string;
  /** Absolute URL or path (query string allowed). */
  url: string;
  /** The API base path the URL's path starts with, e.g. `/api`. Default: the path of the document's first server. */
  basePath?: string;
  /** Skip path matching when the caller knows the operation (e.g. a route id). */
  operationId?: string;
  status: number;
  contentType?: string | null;
  /** The parsed JSON body; `undefined` when the body is not JSON or was not read. */
  body?: unknown;
  /** Response headers, to check those the document marks required. Not checked when absent. */
  headers?: Headers | Record<string, string>;
}

export type ValidationResult = { ok: true; operationId?: string } | { ok: false; operationId?: string; errors: string[] };

export interface ResponseValidator {
  validate(response: ResponseToValidate): ValidationResult;
  /** The operation a method and path (relative to the base path) resolve to. */
  findOperation(method: string, path: string): { operationId: string; pathTemplate: string; params: Record<string, string> } | undefined;
  /** Validates a value against a named component schema, e.g. `Problem`. */
  validateSchema(name: string, value: unknown): ValidationResult;
}

const SCHEMAS_REF = '#/components/schemas/';
/** The `$id` under which the component schemas are registered (as `$defs`) in ajv. */
export const SCHEMA_ROOT_ID = 'urn:customer-elements:openapi';
const ROOT_ID = SCHEMA_ROOT_ID;
const MAX_ERRORS = 20;

interface PathMatcher {
  template: string;
  regex: RegExp;
  names: string[];
  literalSegments: number;
}

interface OperationEntry {
  operationId: string;
  method: string;
  template: string;
  operation: JsonObject;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rewrites `#/components/schemas/X` to `$defs` of one root schema, so ajv resolves every ref in strict mode. */
export function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMAS_REF)
      ? `${ROOT_ID}#/$defs/${child.slice(SCHEMAS_REF.length)}`
      : rewriteRefs(child);
  }
  return out;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mediaType(contentType: string | null | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

export function isJsonMediaType(contentType: string | null | undefined): boolean {
  const type = mediaType(contentType);
  return type !== undefined && (type === 'application/json' || type.endsWith('+json'));
}

export function formatAjvErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).slice(0, MAX_ERRORS).map((error) => {
    const where = error.instancePath || '(root)';
    const params = error.params as Record<string, unknown>;
    let detail = '';
    if (error.keyword === 'additionalProperties') detail = ` (${String(params['additionalProperty'])})`;
    else if (error.keyword === 'enum') detail = ` (${JSON.stringify(params['allowedValues'])})`;
    return `${where} ${error.message ?? error.keyword}${detail}`;
  });
}

/** An ajv instance for OpenAPI 3.1 schemas: 2020-12, formats, and OpenAPI's `binary` format accepted. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  return ajv;
}

export function createResponseValidator(doc: OpenApiDocument): ResponseValidator {
  const ajv = createAjv();
  ajv.addSchema({ $id: ROOT_ID, $defs: rewriteRefs(doc.components.schemas) as JsonObject });
  const compiled = new Map<string, ValidateFunction>();

  const operations: OperationEntry[] = [];
  const matchers: PathMatcher[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const names: string[] = [];
    const pattern = template
      .split(/(\{\w+\})/)
      .map((part) => {
        const param = /^\{(\w+)\}$/.exec(part);
        if (!param) return escapeRegex(part);
        names.push(param[1]!);
        return '([^/]+)';
      })
      .join('');
    matchers.push({
      template,
      regex: new RegExp(`^${pattern}/?$`),
      names,
      literalSegments: template.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
    });
    for (const [method, operation] of Object.entries(item)) {
      if (isObject(operation) && typeof operation['operationId'] === 'string') {
        operations.push({ operationId: operation['operationId'], method: method.toUpperCase(), template, operation });
      }
    }
  }
  // A literal segment beats a parameter where two templates could match the same path.
  matchers.sort((a, b) => b.literalSegments - a.literalSegments || a.template.localeCompare(b.template));

  const defaultBasePath = (() => {
    const servers = doc['servers'];
    const url = Array.isArray(servers) && isObject(servers[0]) ? servers[0]['url'] : undefined;
    if (typeof url !== 'string') return '';
    return new URL(url, 'http://base.invalid').pathname.replace(/\/$/, '');
  })();

  function deref(value: unknown): JsonObject | undefined {
    let current = value;
    for (let depth = 0; depth < 10 && isObject(current) && typeof current['$ref'] === 'string'; depth++) {
      const ref = current['$ref'];
      if (!ref.startsWith('#/')) return undefined;
      current = ref
        .slice(2)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), doc);
    }
    return isObject(current) ? current : undefined;
  }

  function findOperation(method: string, path: string) {
    const upper = method.toUpperCase();
    for (const matcher of matchers) {
      const match = matcher.regex.exec(path);
      if (!match) continue;
      const entry = operations.find((op) => op.template === matcher.template && op.method === upper);
      if (!entry) continue;
      const params: Record<string, string> = {};
      matcher.names.forEach((name, i) => {
        params[name] = decodeURIComponent(match[i + 1]!);
      });
      return { operationId: entry.operationId, pathTemplate: matcher.template, params };
    }
    return undefined;
  }

  function schemaValidator(key: string, schema: unknown): ValidateFunction {
    let fn = compiled.get(key);
    if (!fn) {
      fn = ajv.compile(rewriteRefs(schema) as JsonObject);
      compiled.set(key, fn);
    }
    return fn;
  }

  function validate(input: ResponseToValidate): ValidationResult {
    const parsed = new URL(input.url, 'http://base.invalid');
    const label = `${input.method.toUpperCase()} ${parsed.pathname}`;
    let entry: OperationEntry | undefined;
    if (input.operationId) {
      entry = operations.find((op) => op.operationId === input.operationId);
      if (!entry) return { ok: false, errors: [`${label}: no operation "${input.operationId}" in the document`] };
    } else {
      const basePath = (input.basePath ?? defaultBasePath).replace(/\/$/, '');
      if (basePath && parsed.pathname !== basePath && !parsed.pathname.startsWith(`${basePath}/`)) {
        return { ok: false, errors: [`${label}: the path is not under the base path ${basePath}`] };
      }
      const found = findOperation(input.method, parsed.pathname.slice(basePath.length) || '/');
      if (!found) return { ok: false, errors: [`${label}: no operation in the document for this method and path`] };
      entry = operations.find((op) => op.operationId === found.operationId);
    }
    if (!entry) return { ok: false, errors: [`${label}: no operation`] };
    const { operationId } = entry;
    const fail = (errors: string[]): ValidationResult => ({ ok: false, operationId, errors });

    const responses = isObject(entry.operation['responses']) ? entry.operation['responses'] : {};
    const statusKey = [String(input.status), `${String(input.status)[0]}XX`, 'default'].find((key) => key in responses);
    if (!statusKey) {
      return fail([`${label} (${operationId}): status ${input.status} is not documented (documented: ${Object.keys(responses).join(', ')})`]);
    }
    const response = deref(responses[statusKey]);
    if (!response) return fail([`${label} (${operationId}): response ${statusKey} does not resolve`]);
    const errors: string[] = [];

    if (input.headers && isObject(response['headers'])) {
      const get = (name: string) =>
        input.headers instanceof Headers
          ? input.headers.get(name)
          : Object.entries(input.headers ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? null;
      for (const [name, header] of Object.entries(response['headers'])) {
        const resolved = deref(header);
        if (resolved?.['required'] === true && get(name) === null) errors.push(`${label} ${input.status}: required header ${name} is missing`);
      }
    }

    const content = isObject(response['content']) ? response['content'] : undefined;
    const type = mediaType(input.contentType);
    if (!content || Object.keys(content).length === 0) {
      if (input.body !== undefined && input.body !== null && input.body !== '') {
        errors.push(`${label} ${input.status}: the document says no content, but the response has a body`);
      }
      return errors.length > 0 ? fail(errors) : { ok: true, operationId };
    }
    if (!type) {
      errors.push(`${label} ${input.status}: no Content-Type (documented: ${Object.keys(content).join(', ')})`);
      return fail(errors);
    }
    const mediaKey =
      Object.keys(content).find((key) => key.toLowerCase() === type) ??
      Object.keys(content).find((key) => key.endsWith('/*') && type.startsWith(key.slice(0, -1))) ??
      Object.keys(content).find((key) => key === '*/*');
    if (!mediaKey) {
      errors.push(`${label} ${input.status}: Content-Type ${type} is not documented (documented: ${Object.keys(content).join(', ')})`);
      return fail(errors);
    }
    const media = content[mediaKey];
    const schema = isObject(media) ? media['schema'] : undefined;
    if (isJsonMediaType(type) && schema !== undefined) {
      if (input.body === undefined) {
        errors.push(`${label} ${input.status}: the JSON body is missing or could not be parsed`);
      } else {
        const fn = schemaValidator(`${operationId} ${statusKey} ${mediaKey}`, schema);
        if (!fn(input.body)) {
          for (const message of formatAjvErrors(fn.errors)) errors.push(`${label} ${input.status}: ${message}`);
        }
      }
    }
    return errors.length > 0 ? fail(errors) : { ok: true, operationId };
  }

  function validateSchema(name: string, value: unknown): ValidationResult {
    if (!(name in doc.components.schemas)) return { ok: false, errors: [`no component schema ${name}`] };
    const fn = schemaValidator(`#schema ${name}`, { $ref: `${SCHEMAS_REF}${name}` });
    return fn(value) ? { ok: true } : { ok: false, errors: formatAjvErrors(fn.errors) };
  }

  return { validate, findOperation, validateSchema };
}
