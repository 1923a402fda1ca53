import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { CustomerCard, CustomerSearch, OrderDetail, OrderTable, defineElement } from 'customer-elements';
import { AppComponent } from './app/app.component';

defineElement('customer-search', CustomerSearch);
defineElement('customer-card', CustomerCard);
defineElement('order-detail', OrderDetail);
defineElement('acme-order-table', OrderTable); // the portal already has an <order-table> of its own

bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error(error));
