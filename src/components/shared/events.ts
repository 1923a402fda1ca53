/** The detail type of a domain event declared in `HTMLElementEventMap` (`never` for plain events). */
export type EventDetail<K extends keyof HTMLElementEventMap> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a domain event the house way: a `CustomEvent` that bubbles and crosses shadow roots,
 * its name and detail checked against the component's `HTMLElementEventMap` declaration, so an
 * event cannot be fired with a detail its listeners are not typed for. Returns false when the event
 * was cancelable and a listener called `preventDefault()`.
 */
export function emit<K extends keyof HTMLElementEventMap>(
  host: EventTarget,
  type: K,
  detail: EventDetail<K>,
  options: { cancelable?: boolean } = {},
): boolean {
  return host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}
