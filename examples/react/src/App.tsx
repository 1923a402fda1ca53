import { useState } from 'react';
import {
  CustomerCard as CustomerCardElement,
  CustomerElementsProvider as CustomerElementsProviderElement,
  CustomerSearch as CustomerSearchElement,
  OrderTable as OrderTableElement,
  defineElement,
  type CustomerSelectDetail,
} from 'customer-elements';
import { createComponent, CustomerCard, CustomerElementsProvider, CustomerSearch } from 'customer-elements/react';
import { createClient } from 'customer-elements/sdk';

// Register the elements the page uses (before or after React first renders them: both work).
defineElement('customer-elements-provider', CustomerElementsProviderElement);
defineElement('customer-search', CustomerSearchElement);
defineElement('customer-card', CustomerCardElement);
// The portal already has an <order-table>: ours gets a name of its own, typed from its class.
defineElement('acme-order-table', OrderTableElement);
const AcmeOrderTable = createComponent(OrderTableElement, 'acme-order-table');

const client = createClient({
  baseUrl: new URL('/api', location.origin).href,
  getToken: () => 'demo-clerk-token', // your sign-in's access token
});

export function App() {
  const [customer, setCustomer] = useState<CustomerSelectDetail['customer']>();
  return (
    <CustomerElementsProvider client={client} locale="en-GB">
      <CustomerSearch onCustomerSelect={(event) => setCustomer(event.detail.customer)} />
      <output id="selected">{customer ? `Selected: ${customer.name}` : 'No customer selected'}</output>
      <CustomerCard customerId={customer?.id} />
      <AcmeOrderTable customerId={customer?.id} />
    </CustomerElementsProvider>
  );
}
