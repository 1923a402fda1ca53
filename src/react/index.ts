/**
 * `customer-elements/react`: React components for every element, generated from the Custom
 * Elements Manifest (`components.ts`), and `createComponent` for a tag of your own.
 *
 * ```tsx
 * import 'customer-elements/define';
 * import { CustomerSearch, CustomerCard } from 'customer-elements/react';
 *
 * <CustomerSearch client={client} onCustomerSelect={(e) => setId(e.detail.customerId)} />
 * <CustomerCard client={client} customerId={id} />
 * ```
 *
 * Objects (`client`, `getToken`) are set as properties, events are `on` + the event's name in
 * PascalCase, typed with its detail, and both work whether the tag is registered before or after
 * React first renders it. Nothing here registers a tag: a page pays for the elements it registers.
 */
import { bind, type ElementComponent } from './bind.js';
import { eventProps, type BindableElement, type BindingOf } from './components.js';

export * from './components.js';
export type { ElementBinding, ElementComponent, ElementComponentProps } from './bind.js';

/**
 * A React component for one of our classes registered under a tag of your own, typed like the
 * default one (its properties and events, from the class it is or extends):
 *
 * ```tsx
 * import { defineElement, OrderTable } from 'customer-elements';
 * import { createComponent } from 'customer-elements/react';
 *
 * defineElement('acme-order-table', OrderTable);
 * const AcmeOrderTable = createComponent(OrderTable, 'acme-order-table');
 * // <AcmeOrderTable customerId={id} onOrderOpen={(e) => open(e.detail.order)} />
 * ```
 *
 * Call it once, at module level (a component made during render is a new component each time,
 * and React would remount the element). The class tells props from attributes, so the tag may be
 * registered later; register it under that tag with that class (or one it extends).
 */
export function createComponent<I extends BindableElement>(
  elementClass: new () => I,
  tagName: string,
): ElementComponent<I, BindingOf<I>> {
  return bind<I, BindingOf<I>>(elementClass, tagName, eventProps);
}
