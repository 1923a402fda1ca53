/**
 * Turns a Customer Elements class into a React component, on @lit/react. The generated wrappers
 * (`components.ts`) and `createComponent` both come through here.
 *
 * Why a wrapper at all, when React 19 supports custom elements: React decides property or attribute
 * by asking the element in the page (`'client' in node`). An element rendered before its class is
 * registered has no such property yet, so React writes `client="[object Object]"` as an attribute
 * and the element never gets its client. @lit/react asks the class instead (`'client' in
 * Class.prototype`), so a prop is set as a property whatever the registration order; Lit keeps a
 * property set before the upgrade and applies it once the element is defined. It also adds the
 * event props (`onCustomerSelect`) as listeners for the element's own event names.
 */
import * as React from 'react';
import type { ForwardRefExoticComponent, HTMLAttributes, RefAttributes } from 'react';
import { createComponent as litCreateComponent } from '@lit/react';

/**
 * What React needs to know about one element: the names of its settable properties and its
 * events, as React prop names (`onCustomerSelect`) to the event type the handler receives.
 */
export interface ElementBinding {
  props: string;
  events: Record<string, Event>;
}

/** The props of a wrapped element: its properties, its event handlers, and React's HTML props. */
export type ElementComponentProps<I extends HTMLElement, B extends ElementBinding> = Omit<
  HTMLAttributes<I>,
  B['props'] | keyof B['events']
> &
  Partial<Pick<I, B['props'] & keyof I>> & { [K in keyof B['events']]?: (event: B['events'][K]) => void };

/** A React component that renders one custom element; its `ref` is the element. */
export type ElementComponent<I extends HTMLElement, B extends ElementBinding> = ForwardRefExoticComponent<
  ElementComponentProps<I, B> & RefAttributes<I>
>;

/** `customer-card` → `CustomerCard`, the name React DevTools shows. */
function pascalCase(tagName: string): string {
  return tagName.replace(/(?:^|-)([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * A React component for `tagName`, whose props are told apart by `elementClass` (never by the
 * registry, which may not know the tag yet). `eventProps` maps React prop names to event names.
 */
export function bind<I extends HTMLElement, B extends ElementBinding>(
  elementClass: new () => I,
  tagName: string,
  eventProps: Readonly<Record<string, string>>,
): ElementComponent<I, B> {
  const component = litCreateComponent({
    react: React,
    tagName,
    elementClass,
    events: eventProps,
    displayName: pascalCase(tagName),
  });
  // @lit/react types every public member of the class as a prop (methods and Lit's internals too);
  // the binding narrows that to the documented properties and events.
  return component as unknown as ElementComponent<I, B>;
}
