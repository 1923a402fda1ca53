import { createMessages } from '../shared/i18n.js';

/** The badge's own texts (the shared ones — Save, Cancel, errors — come from the shared catalogue). */
const en = {
  label: 'Watch list',
  editHint: 'edit the note',
  add: 'Add to watch list',
  titleAdd: 'Add to the watch list',
  titleEdit: 'Edit the watch-list note',
  noteLabel: 'Watch-list note',
  noteHint: 'Shown with this customer wherever they appear, whatever they order. Up to {max} characters.',
  clear: 'Remove from watch list',
  required: 'Write the watch-list note.',
  saved: 'Watch-list note saved.',
  cleared: 'Removed from the watch list.',
  setBy: '{name}, {date}',
  conflict: 'The watch-list note was changed by someone else since you opened it.',
  onList: 'On the watch list',
  yes: 'Yes',
  no: 'No',
  noNote: '—',
} as const;

export const badgeMessages = createMessages('watch-list-badge', en, {
  de: () => import('./locales/de.js'),
  ar: () => import('./locales/ar.js'),
});

export type BadgeMessageKey = keyof typeof en;
