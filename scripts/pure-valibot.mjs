// A Vite plugin for the library builds: marks every valibot schema construction in our modules
// (`v.object(…)`, `v.pipe(v.string(), …)`) with `/* @__PURE__ */`, so that a host's bundler drops
// the schemas its page never reads. Valibot marks its functions `@__NO_SIDE_EFFECTS__`, which Rollup
// honours but esbuild (Vite's dev server, many hosts, our size check) does not: without this, a
// page that shows one component shipped every schema of the contract and the valibot code behind
// them. Each call made for its effect (validation that throws, global configuration) stays as is.
// Calls to a module's own schema helpers (`const optionalText = (max) => v.nullable(…)`) are marked
// too. What a bundler still keeps is a schema built from another's parts (`Other.entries.name`,
// `...Other.entries`): a property read may run a getter. Such a schema is built inside a function
// called with `/* @__PURE__ */` in the source (see `schemas.ts`).
//
// The source stays plain (no annotations to keep in step with each schema a developer adds); every
// module that imports valibot as a namespace gets the marks at build time, new schema files too.
import { parseAst } from 'vite';

/** valibot functions called for what they do, not only for what they return: never marked. */
const EFFECTFUL = new Set([
  'parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'assert', 'is', 'parser', 'parserAsync',
  'safeParser', 'safeParserAsync', 'config', 'setGlobalConfig', 'deleteGlobalConfig', 'setGlobalMessage',
  'deleteGlobalMessage', 'setSchemaMessage', 'deleteSchemaMessage', 'setSpecificMessage', 'deleteSpecificMessage',
]);
const PURE = '/* @__PURE__ */ ';

/** Positions of `ns.fn(…)` calls to mark, for each namespace import of valibot in `ast`. */
function schemaCalls(ast) {
  const namespaces = new Set();
  for (const node of ast.body) {
    if (node.type !== 'ImportDeclaration' || node.source.value !== 'valibot' || node.importKind === 'type') continue;
    for (const s of node.specifiers) if (s.type === 'ImportNamespaceSpecifier') namespaces.add(s.local.name);
  }
  const at = [];
  if (!namespaces.size) return at;
  const isSchemaCall = (node) =>
    node?.type === 'CallExpression' &&
    node.callee.type === 'MemberExpression' &&
    !node.callee.computed &&
    node.callee.object.type === 'Identifier' &&
    namespaces.has(node.callee.object.name) &&
    !EFFECTFUL.has(node.callee.property.name);
  // Module-level helpers that only build a schema (`const optionalText = (max) => v.nullable(…)`):
  // a call to one is as pure as the schema call it returns, and a bundler cannot tell on its own.
  const helpers = new Set();
  for (const node of ast.body) {
    const declaration = node.type === 'ExportNamedDeclaration' ? node.declaration : node;
    if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
    for (const d of declaration.declarations) {
      if (d.id.type === 'Identifier' && d.init?.type === 'ArrowFunctionExpression' && d.init.expression && isSchemaCall(d.init.body)) helpers.add(d.id.name);
    }
  }
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (isSchemaCall(node) || (node.type === 'CallExpression' && node.callee.type === 'Identifier' && helpers.has(node.callee.name))) {
      at.push(node.start);
    }
    for (const key of Object.keys(node)) {
      if (key === 'type' || key === 'start' || key === 'end') continue;
      const value = node[key];
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(ast);
  return at;
}

/** @returns {import('vite').Plugin} */
export function pureValibot() {
  return {
    name: 'customer-elements:pure-valibot',
    // After TypeScript is stripped: the code is plain JavaScript for the parser.
    enforce: 'post',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\bfrom\s*["']valibot["']/.test(code)) return null;
      const at = schemaCalls(parseAst(code)).sort((a, b) => b - a);
      if (!at.length) return null;
      let out = code;
      for (const i of at) if (!out.startsWith(PURE, i - PURE.length)) out = out.slice(0, i) + PURE + out.slice(i);
      // Only comments are inserted, inside lines: every line maps to the same line as before.
      return { code: out, map: null };
    },
  };
}
