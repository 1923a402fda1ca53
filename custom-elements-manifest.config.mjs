// Custom Elements Manifest: `npm run cem` writes custom-elements.json (and the docs, JSX types and
// VS Code data made from it, see scripts/cem-outputs.mjs). `npx cem analyze` works with this file too.
//
// The analyzer alone misses three things this code base does, so the plugins below add them:
// 1. Tags: classes are registered with our `defineElement('tag', Class)` in the `define.ts` files,
//    not with `customElements.define` or `@customElement` in the class module.
// 2. Event detail types: `@fires` texts name the detail in prose; the typed truth is each module's
//    `HTMLElementEventMap` augmentation, which we read instead.
// 3. Enum values: `criterion: SearchCriterion` says nothing to a reader, an IDE or a Storybook
//    control; a type checker expands such aliases of string-literal unions to the values.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** `defineElement('tag', Class)` calls → tag names on the classes, plus definition exports. */
function defineElementCalls() {
  /** @type {{ tag: string, className: string, modulePath: string }[]} */
  const calls = [];
  return {
    name: 'customer-elements/define-element-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node)) return;
      if (!ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tagArg, classArg] = node.arguments;
      if (!tagArg || !classArg || !ts.isStringLiteral(tagArg) || !ts.isIdentifier(classArg)) return;
      calls.push({ tag: tagArg.text, className: classArg.text, modulePath: moduleDoc.path });
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      for (const { tag, className, modulePath } of calls) {
        const owner = modules.find((m) => m.declarations?.some((d) => d.kind === 'class' && d.name === className));
        if (!owner) {
          console.warn(`cem: defineElement('${tag}', ${className}) in ${modulePath}: class not found`);
          continue;
        }
        const declaration = owner.declarations.find((d) => d.kind === 'class' && d.name === className);
        declaration.tagName = tag;
        declaration.customElement = true;
        const definer = modules.find((m) => m.path === modulePath);
        if (definer) {
          definer.exports = (definer.exports ?? []).filter((e) => !(e.kind === 'custom-element-definition' && e.name === tag));
          definer.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: className, module: owner.path } });
        }
      }
    },
  };
}

/**
 * Reads each module's `declare global { interface HTMLElementEventMap { 'x': CustomEvent<D> } }`
 * (resolving a local `type XEvent = CustomEvent<D>`) and gives the element's `@fires` entries
 * those types. An event in the map without `@fires` is added (with a warning: document it).
 */
function eventMapTypes() {
  /** @type {Map<string, Map<string, string>>} module path → event name → type text */
  const byModule = new Map();
  return {
    name: 'customer-elements/event-map-types',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isSourceFile(node)) return;
      const aliases = new Map();
      const events = new Map();
      const visit = (n) => {
        if (ts.isTypeAliasDeclaration(n)) aliases.set(n.name.text, n.type.getText());
        if (ts.isInterfaceDeclaration(n) && n.name.text === 'HTMLElementEventMap') {
          for (const member of n.members) {
            if (!ts.isPropertySignature(member) || !member.type || !member.name) continue;
            const name = ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : undefined;
            if (name) events.set(name, member.type.getText());
          }
        }
        ts.forEachChild(n, visit);
      };
      visit(node);
      for (const [name, text] of events) events.set(name, aliases.get(text) ?? text);
      if (events.size) byModule.set(moduleDoc.path, events);
    },
    moduleLinkPhase({ moduleDoc }) {
      const events = byModule.get(moduleDoc.path);
      if (!events) return;
      const classes = (moduleDoc.declarations ?? []).filter((d) => d.kind === 'class' && (d.events || d.cssParts || d.slots));
      const element = classes[0];
      if (!element) return;
      element.events ??= [];
      for (const [name, text] of events) {
        const existing = element.events.find((e) => e.name === name);
        if (existing) existing.type = { text };
        else {
          console.warn(`cem: ${moduleDoc.path}: '${name}' is in HTMLElementEventMap but has no @fires`);
          element.events.push({ name, type: { text } });
        }
      }
    },
    // HTMLElementEventMap is one global map: an event that bubbles out of a child (order-detail's
    // `order-action` out of order-table) takes its type from the module that declares it.
    packageLinkPhase({ customElementsManifest }) {
      const global = new Map();
      for (const events of byModule.values()) for (const [name, text] of events) global.set(name, text);
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          for (const event of d.events ?? []) {
            if (!event.type?.text && global.has(event.name)) event.type = { text: global.get(event.name) };
          }
        }
      }
    },
  };
}

/**
 * Slots documented as "None"/"Nothing" say that an element has no slot; listing them as a default
 * slot would invite content that is never shown.
 */
function dropNoneSlots() {
  return {
    name: 'customer-elements/drop-none-slots',
    moduleLinkPhase({ moduleDoc }) {
      for (const d of moduleDoc.declarations ?? []) {
        if (!d.slots) continue;
        d.slots = d.slots.filter((s) => !(s.name === '' && /^(none|nothing)\b/i.test(s.description ?? '')));
        if (!d.slots.length) delete d.slots;
      }
    },
  };
}

/**
 * Expands aliases of literal unions (`SearchCriterion`, `NotesFilter`) to their values, and types
 * the fields the analyzer could not (initialised from an imported constant), using a type checker
 * over the component sources (a few seconds: one program, no emit).
 */
function expandLiteralUnions() {
  /** @type {typeof import('typescript')} the analyzer's own TypeScript (the project's 7.0 has no API) */
  let ts;
  return {
    name: 'customer-elements/expand-literal-unions',
    initialize(params) {
      ts = params.ts;
    },
    packageLinkPhase({ customElementsManifest }) {
      const elements = [];
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (d.kind === 'class' && d.customElement) elements.push({ mod, d });
        }
      }
      // Sorted: the analyzer globs in no fixed order (a busy machine shuffles it), and what
      // TypeScript meets first decides the order of a union's members ('a' | 'b' or 'b' | 'a'):
      // the manifest differed from run to run, and CI failed on "out of date".
      const files = [...new Set(elements.map(({ mod }) => `${root}${mod.path}`))].filter((f) => existsSync(f)).sort();
      const program = ts.createProgram(files, {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        experimentalDecorators: true,
        useDefineForClassFields: false,
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        types: [],
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      });
      const checker = program.getTypeChecker();
      // In path order too: TypeScript numbers a literal type when it first meets it, and orders a
      // union's members by those numbers, so the order the fields are checked in is part of the output.
      elements.sort((a, b) => (a.mod.path < b.mod.path ? -1 : a.mod.path > b.mod.path ? 1 : 0));
      for (const { mod, d } of elements) {
        const source = program.getSourceFile(`${root}${mod.path}`);
        if (!source) continue;
        let classNode;
        ts.forEachChild(source, (n) => {
          if (ts.isClassDeclaration(n) && n.name?.text === d.name) classNode = n;
        });
        if (!classNode) continue;
        const classType = checker.getTypeAtLocation(classNode);
        for (const member of d.members ?? []) {
          if (member.kind !== 'field' || member.privacy) continue;
          const symbol = classType.getProperty(member.name);
          if (!symbol) continue;
          const type = checker.getTypeOfSymbolAtLocation(symbol, classNode);
          // A field initialised from an imported constant has no type in the analyzer's eyes.
          if (!member.type?.text) {
            member.type = { text: checker.typeToString(checker.getBaseTypeOfLiteralType(type)) };
            const attribute = d.attributes?.find((a) => a.fieldName === member.name);
            if (attribute) attribute.type = { ...member.type };
          }
          const parts = type.isUnion() ? type.types : [type];
          const literals = [];
          let optional = false;
          for (const part of parts) {
            if (part.flags & ts.TypeFlags.Undefined) optional = true;
            else if (part.isStringLiteral()) literals.push(JSON.stringify(part.value).replace(/^"|"$/g, "'"));
            else if (part.isNumberLiteral()) literals.push(String(part.value));
            else {
              literals.length = 0;
              break;
            }
          }
          if (literals.length < 2) continue;
          const expanded = [...literals, ...(optional ? ['undefined'] : [])].join(' | ');
          if (expanded !== member.type.text) member.type = { ...member.type, text: expanded };
          const attribute = d.attributes?.find((a) => a.fieldName === member.name);
          if (attribute?.type) attribute.type = { ...attribute.type, text: expanded };
        }
      }
    },
  };
}

/**
 * The files to analyse: the glob, or with `CEM_SHUFFLE=<seed>` the same files in a shuffled order,
 * so that a test can prove the manifest does not depend on the order the analyzer meets them in
 * (its glob has none: a busy machine once made CI fail on a manifest "out of date").
 */
function globs() {
  if (!process.env.CEM_SHUFFLE) return ['src/components/**/*.ts'];
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []));
  let seed = Number(process.env.CEM_SHUFFLE) || 1;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const files = walk('src/components');
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [files[i], files[j]] = [files[j], files[i]];
  }
  return files;
}

export default {
  globs: globs(),
  // Styles and message catalogues hold no elements; tests never live under src/.
  exclude: ['src/components/**/*.test.ts', 'src/components/**/*.styles.ts', 'src/components/**/*.messages.ts'],
  outdir: '.',
  litelement: true,
  // The manifest's place is declared by hand in package.json; the analyzer must not rewrite it.
  packagejson: false,
  dependencies: false,
  plugins: [defineElementCalls(), eventMapTypes(), dropNoneSlots(), expandLiteralUnions()],
};
