/**
 * Compares real element classes (as the browser registered them) with a Custom Elements Manifest:
 * what a host can set must be documented, and what an element fires must be declared. Pure
 * functions, so that the test can prove them on a synthetic class and manifest too.
 */
import type { PropertyDeclaration } from 'lit';

export interface ManifestMember {
  kind?: string;
  name: string;
  description?: string;
  attribute?: string;
  privacy?: string;
  static?: boolean;
  type?: { text: string };
}
export interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: ManifestMember[];
  events?: ManifestMember[];
}
export interface Manifest {
  modules: { path: string; declarations?: ManifestDeclaration[] }[];
}

/** A class with Lit's reactive-property metadata (any ReactiveElement subclass). */
export interface ReactiveClass {
  name: string;
  elementProperties: Map<PropertyKey, PropertyDeclaration>;
}

export function findElement(manifest: Manifest, tag: string): { path: string; declaration: ManifestDeclaration } | undefined {
  for (const mod of manifest.modules) {
    const declaration = mod.declarations?.find((d) => d.kind === 'class' && d.tagName === tag);
    if (declaration) return { path: mod.path, declaration };
  }
  return undefined;
}

/** The properties a host may set: reactive, not internal state, not private by name. */
export function publicReactiveProperties(ctor: ReactiveClass): { name: string; options: PropertyDeclaration }[] {
  const out: { name: string; options: PropertyDeclaration }[] = [];
  for (const [key, options] of ctor.elementProperties) {
    if (typeof key !== 'string' || options.state || key.startsWith('_')) continue;
    out.push({ name: key, options });
  }
  return out;
}

/** Lit's attribute name for a property: `attribute: 'x'`, none for `false`, else the lower-cased name. */
function attributeOf(name: string, options: PropertyDeclaration): string | undefined {
  if (options.attribute === false) return undefined;
  return typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();
}

/** Every problem between one registered element and the manifest; empty when they agree. */
export function checkElement(manifest: Manifest, tag: string, ctor: ReactiveClass): string[] {
  const found = findElement(manifest, tag);
  if (!found) return [`<${tag}> (${ctor.name}) is not in the manifest`];
  const { declaration } = found;
  const problems: string[] = [];
  if (declaration.name !== ctor.name) problems.push(`<${tag}>: the manifest says class ${declaration.name}, the page has ${ctor.name}`);
  for (const { name, options } of publicReactiveProperties(ctor)) {
    const member = declaration.members?.find((m) => m.kind === 'field' && m.name === name && !m.static);
    if (!member) {
      problems.push(`<${tag}>.${name}: public reactive property missing from the manifest`);
      continue;
    }
    if (member.privacy) problems.push(`<${tag}>.${name}: public reactive property is ${member.privacy} in the manifest`);
    if (!member.description?.trim()) problems.push(`<${tag}>.${name}: no description (add JSDoc)`);
    if (!member.type?.text) problems.push(`<${tag}>.${name}: no type`);
    const attribute = attributeOf(name, options);
    if ((member.attribute ?? undefined) !== attribute) {
      problems.push(`<${tag}>.${name}: attribute is ${attribute ?? 'none'} on the page, ${member.attribute ?? 'none'} in the manifest`);
    }
  }
  for (const event of declaration.events ?? []) {
    if (!event.description?.trim()) problems.push(`<${tag}> event ${event.name}: no description`);
    if (!/^CustomEvent<.+>$|^Event$|Event$/.test(event.type?.text ?? '')) problems.push(`<${tag}> event ${event.name}: no detail type (${event.type?.text ?? 'none'})`);
  }
  return problems;
}

/** The names of the events a module's code fires (`emit(this, 'name'` or `new CustomEvent<X>('name'`). */
export function dispatchedEvents(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/new\s+CustomEvent\s*(?:<[^(]*>)?\s*\(\s*(['"`])([\w:.-]+)\1/g)) names.add(match[2]!);
  for (const match of source.matchAll(/\bemit\(\s*this\s*,\s*(['"`])([\w:.-]+)\1/g)) names.add(match[2]!);
  return [...names];
}

/** Events the code fires that the manifest does not declare (i.e. lack a `@fires`). */
export function undeclaredEvents(manifest: Manifest, tag: string, source: string): string[] {
  const declared = new Set((findElement(manifest, tag)?.declaration.events ?? []).map((e) => e.name));
  return dispatchedEvents(source)
    .filter((name) => !declared.has(name))
    .map((name) => `<${tag}> fires '${name}' but the manifest has no such event (add @fires)`);
}
