/**
 * Tag names for the elements a composite renders, taken from the registry instead of hard-coded,
 * so that a page that registered our classes under names of its own (`acme-customer-card`) gets
 * a composite made of those.
 */
import { unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { defineElement } from '../shared/define.js';

/**
 * The valid custom element name grammar (HTML's PotentialCustomElementName): a lower-case ASCII
 * letter, then name characters, with at least one hyphen. Only such names are ever put into a
 * template as markup.
 */
const PCEN_CHAR = '[-._0-9a-z\\u00B7\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u203F\\u2040\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}]';
const CUSTOM_ELEMENT_NAME = new RegExp(`^[a-z]${PCEN_CHAR}*-${PCEN_CHAR}*$`, 'u');
const RESERVED = new Set([
  'annotation-xml', 'color-profile', 'font-face', 'font-face-src', 'font-face-uri', 'font-face-format',
  'font-face-name', 'missing-glyph',
]);

/** Whether `name` is a valid custom element name (and so safe to write into markup). */
export function isCustomElementName(name: string): boolean {
  return CUSTOM_ELEMENT_NAME.test(name) && !RESERVED.has(name);
}

const warned = new WeakSet<CustomElementConstructor>();
const statics = new Map<string, StaticValue>();

/**
 * The name under which `ctor` is registered; when it is not registered at all, registers it under
 * `defaultName` if that is free, else under a generated unique name (and warns once), so that the
 * composite still works. `undefined` only when no name could be used.
 */
export function resolveTagName(
  ctor: CustomElementConstructor,
  defaultName: string,
  registry: CustomElementRegistry = customElements,
): string | undefined {
  const registered = registry.getName?.(ctor) ?? (registry.get(defaultName) === ctor ? defaultName : undefined);
  if (registered) return registered;
  if (!registry.get(defaultName)) {
    defineElement(defaultName, ctor, registry);
    return registry.getName?.(ctor) ?? (registry.get(defaultName) === ctor ? defaultName : undefined);
  }
  let n = 2;
  while (registry.get(`${defaultName}-${n}`)) n++;
  const name = `${defaultName}-${n}`;
  defineElement(name, ctor, registry);
  if (!warned.has(ctor)) {
    warned.add(ctor);
    console.warn(
      `customer-elements: <${defaultName}> belongs to another element and this class was not registered, ` +
        `so it was registered as <${name}>. Register it under a name of your own to choose the name.`,
    );
  }
  return registry.getName?.(ctor) ?? (registry.get(name) === ctor ? name : undefined);
}

/**
 * The static tag for `ctor` (see {@link resolveTagName}), for `lit/static-html.js` templates;
 * `undefined` when no valid name is available (the caller renders nothing in its place).
 */
export function staticTag(ctor: CustomElementConstructor, defaultName: string): StaticValue | undefined {
  const name = resolveTagName(ctor, defaultName);
  if (!name || !isCustomElementName(name)) return undefined;
  let value = statics.get(name);
  if (!value) {
    // The name came from the registry and matches the custom element name grammar.
    value = unsafeStatic(name);
    statics.set(name, value);
  }
  return value;
}
