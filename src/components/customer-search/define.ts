/**
 * Registers `<customer-search>` and the `<watch-list-badge>` its watch-listed results show (the
 * class modules themselves register nothing). A page that registered the badge class already,
 * under any name, keeps that name: the search finds it by class.
 */
import { defineElement } from '../shared/define.js';
import { WatchListBadge } from '../watch-list-badge/watch-list-badge.js';
import { CustomerSearch } from './customer-search.js';

if (!customElements.getName(WatchListBadge)) defineElement('watch-list-badge', WatchListBadge);
defineElement('customer-search', CustomerSearch);

export { CustomerSearch, WatchListBadge };
