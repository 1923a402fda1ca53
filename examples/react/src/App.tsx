import { useState } from 'react';
// Each entry registers one element under its default tag (the search and the card also the
// watch-list badge they show): the page ships those and nothing else.
import 'customer-elements/provider';
import 'customer-elements/customer-search';
import 'customer-elements/customer-card';
import { OrderTable as OrderTableElement, defineElement, type CustomerSelectDetail } from 'customer-elements';
import { createComponent, CustomerCard, CustomerElementsProvider, CustomerSearch } from 'customer-elements/react';
import { createClient } from 'customer-elements/sdk';

// The portal already has an <order-table>: ours gets a name of its own (its class comes from the
// class-only entry, which registers nothing), and a React component typed from its class.
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
