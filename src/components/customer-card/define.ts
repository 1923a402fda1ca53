/**
 * Registers `<customer-card>` and the `<watch-list-badge>` it shows beside the name (the class
 * modules themselves register nothing). A page that registered the badge class already, under any
 * name, keeps that name: the card finds it by class.
 */
import { defineElement } from '../shared/define.js';
import { WatchListBadge } from '../watch-list-badge/watch-list-badge.js';
import { CustomerCard } from './customer-card.js';

if (!customElements.getName(WatchListBadge)) defineElement('watch-list-badge', WatchListBadge);
defineElement('customer-card', CustomerCard);

export { CustomerCard, WatchListBadge };
