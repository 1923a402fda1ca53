import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
// Each entry registers one element under its default tag (the search and the card also the
// watch-list badge they show), before bootstrapping.
import 'customer-elements/customer-search';
import 'customer-elements/customer-card';
import { OrderTable, defineElement } from 'customer-elements';
import { AppComponent } from './app/app.component';

// The portal already has an <order-table> of its own (the class-only entry registers nothing).
defineElement('acme-order-table', OrderTable);

bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error(error));
