import { createMessages, type Catalogue } from '../shared/i18n.js';
import ar from './locales/ar.js'; // eager until languages load on demand

/** The badge's own texts (the shared ones — Save, Cancel, errors — come from the shared catalogue). */
export const en = {
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
};

/** A key of this catalogue. */
export type BadgeMessageKey = keyof typeof en;

const de: Catalogue<BadgeMessageKey> = {
  label: 'Beobachtungsliste',
  editHint: 'Notiz bearbeiten',
  add: 'Auf die Beobachtungsliste',
  titleAdd: 'Auf die Beobachtungsliste setzen',
  titleEdit: 'Notiz der Beobachtungsliste bearbeiten',
  noteLabel: 'Notiz zur Beobachtungsliste',
  noteHint: 'Wird bei diesem Kunden überall angezeigt, was er auch bestellt. Bis zu {max} Zeichen.',
  clear: 'Von der Beobachtungsliste nehmen',
  required: 'Schreiben Sie die Notiz zur Beobachtungsliste.',
  saved: 'Notiz zur Beobachtungsliste gespeichert.',
  cleared: 'Von der Beobachtungsliste genommen.',
  setBy: '{name}, {date}',
  conflict: 'Die Notiz zur Beobachtungsliste wurde von jemand anderem geändert, seit Sie sie geöffnet haben.',
  onList: 'Auf der Beobachtungsliste',
  yes: 'Ja',
  no: 'Nein',
  noNote: '—',
};

export const badgeMessages = createMessages({ en, de, ar });
