/** Registers `<watch-list-badge>` (the class module itself registers nothing). */
import { defineElement } from '../shared/define.js';
import { WatchListBadge } from './watch-list-badge.js';

defineElement('watch-list-badge', WatchListBadge);

export { WatchListBadge };
