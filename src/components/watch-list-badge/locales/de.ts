import type { Catalogue } from '../../shared/i18n.js';
import type { BadgeMessageKey } from '../watch-list-badge.messages.js';

/** The texts of watch-list-badge: German. Keys missing here fall back to English. */
export default {
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
} satisfies Catalogue<BadgeMessageKey>;
