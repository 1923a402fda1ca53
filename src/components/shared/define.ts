/**
 * Registers a custom element once, tolerating what real pages do: two bundles that both register
 * the library, or a host that registers our class before we do.
 */
import { ensureContextRoot } from './context.js';

/**
 * Defines `tag` as `ctor` unless it is already defined.
 * - the same class under the same name again: nothing happens;
 * - a different class under a taken name: warns and does nothing (the page keeps the first);
 * - a class already registered under another name: warns with the fix (register a subclass).
 *
 * Returns true when this call defined the element.
 */
export function defineElement(
  tag: string,
  ctor: CustomElementConstructor,
  registry: CustomElementRegistry = customElements,
): boolean {
  const existing = registry.get(tag);
  if (existing === ctor) return false;
  if (existing) {
    console.warn(
      `customer-elements: <${tag}> is already defined by another class; keeping the first. ` +
        'Register ours under another name to use both.',
    );
    return false;
  }
  const otherName = registry.getName?.(ctor);
  if (otherName) {
    console.warn(
      `customer-elements: this class is already defined as <${otherName}>; ` +
        `to use it as <${tag}> too, define a subclass: defineElement('${tag}', class extends Base {}).`,
    );
    return false;
  }
  ensureContextRoot();
  registry.define(tag, ctor);
  return true;
}
