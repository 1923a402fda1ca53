import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import type { CustomerSelectDetail } from 'customer-elements';
import { createClient } from 'customer-elements/sdk';

@Component({
  selector: 'app-root',
  // Angular rejects tags and properties it does not know; this schema lets custom elements through.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <customer-search [client]="client" (customer-select)="onSelect($event)"></customer-search>
    <output id="selected">{{ selected() ? 'Selected: ' + selected()!.name : 'No customer selected' }}</output>
    <customer-card [client]="client" [customerId]="selected()?.id"></customer-card>
    <acme-order-table [client]="client" [customerId]="selected()?.id"></acme-order-table>
  `,
})
export class AppComponent {
  readonly client = createClient({
    baseUrl: new URL('/api', location.origin).href,
    getToken: () => 'demo-clerk-token',
  });
  readonly selected = signal<CustomerSelectDetail['customer'] | undefined>(undefined);

  onSelect(event: CustomEvent<CustomerSelectDetail>): void {
    this.selected.set(event.detail.customer);
  }
}
