/**
 * Type test of `customer-elements/react`, checked by `tsc --noEmit -p tsconfig.json` (the typecheck
 * step): every `@ts-expect-error` below must be an error, or tsc fails with "Unused
 * '@ts-expect-error' directive". Nothing here runs.
 */
import type { ReactElement } from 'react';
import { CustomerCard as CustomerCardElement, OrderTable as OrderTableElement, WatchListBadge as WatchListBadgeElement } from '../../src/index.js';
import { createClient } from '../../src/sdk/index.js';
import { createComponent, CustomerCard, CustomerElementsProvider, CustomerSearch, NotesPanel, OrderTable } from '../../src/react/index.js';

const client = createClient({ baseUrl: 'https://example.com/api', getToken: () => 'token' });
declare function setCustomer(id: string, name: string): void;
declare function keepCard(card: CustomerCardElement | null): void;

export const fine: ReactElement[] = [
  <CustomerElementsProvider client={client} locale="de-DE" key="provider">
    <CustomerSearch
      criterion="email"
      onCustomerSelect={(event) => setCustomer(event.detail.customerId, event.detail.customer.name)}
    />
  </CustomerElementsProvider>,
  <CustomerCard customerId="cus_1" readonly className="card" key="card" ref={(card) => keepCard(card)} />,
  <NotesPanel onChange={(event) => event.type} onNoteAdd={(event) => event.detail.customerId} key="notes" />,
  <OrderTable customerId="cus_1" onOrderOpen={(event) => event.detail.orderId} key="orders" />,
];

// @ts-expect-error customerId is a string, not a number
export const wrongPropType = <CustomerCard customerId={42} />;
// @ts-expect-error client is an SDK client, not a string (React would write it as an attribute)
export const clientAsString = <CustomerCard client="https://example.com/api" />;
// @ts-expect-error criterion is one of the search criteria
export const wrongEnum = <CustomerSearch criterion="shoe-size" />;
// @ts-expect-error customer-select's detail has no `id` (it is `customerId`)
export const wrongDetail = <CustomerSearch onCustomerSelect={(event) => event.detail.id} />;
// @ts-expect-error the card fires no customer-select
export const foreignEvent = <CustomerCard onCustomerSelect={() => undefined} />;
// @ts-expect-error `render` is a method of the element, not a prop
export const methodAsProp = <CustomerCard render={() => null} />;

// A renamed tag, typed from its class with no declaration of ours.
const AcmeOrderTable = createComponent(OrderTableElement, 'acme-order-table');
class HostCard extends CustomerCardElement {}
const AcmeCard = createComponent(HostCard, 'acme-customer-card');
const AcmeBadge = createComponent(WatchListBadgeElement, 'acme-watch-list-badge');

export const renamed: ReactElement[] = [
  <AcmeOrderTable customerId="cus_1" pageSize={20} onOrderOpen={(event) => event.detail.order.number} key="orders" />,
  <AcmeCard customerId="cus_1" onCustomerChange={(event) => event.detail.group} key="card" />,
  <AcmeBadge customerId="cus_1" onWatchListChange={(event) => event.detail.active} key="badge" />,
];
// @ts-expect-error pageSize is a number
export const renamedWrongType = <AcmeOrderTable pageSize="20" />;
// @ts-expect-error the badge fires no order-open: each renamed class keeps its own events
export const renamedForeignEvent = <AcmeBadge onOrderOpen={() => undefined} />;
// @ts-expect-error only the library's classes (or subclasses) have a binding
export const notOurs = createComponent(HTMLElement, 'x-thing');
