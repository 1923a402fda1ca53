/**
 * The notes panel's own UI text (shared texts such as errors come from the shared catalogue).
 */
import { createMessages } from '../shared/i18n.js';
import de from './locales/de.js';

const en = {
  heading: 'Notes',
  filterLegend: 'Show',
  filterAll: 'All',
  filterManual: 'Manual',
  filterSystem: 'System',
  addNote: 'Add note',
  editorTitle: 'Add a note',
  noteText: 'Note',
  kind: 'Kind',
  pinned: 'Pin this note to the top',
  save: 'Save note',
  saveAgain: 'Save again',
  textRequired: 'Write something in the note.',
  saving: 'Saving…',
  cancel: 'Cancel',
  draftKept: 'Your draft is kept: close this and it will be here when you come back.',
  saveFailed: 'The note was not saved: {reason} Your text is kept; you can save again.',
  empty: 'No notes yet.',
  emptyManual: 'No manual notes.',
  emptySystem: 'No system notes.',
  showMore: 'Show more',
  loadingMore: 'Loading…',
  count: '{shown} of {total} notes',
  pin: 'Pin',
  unpin: 'Unpin',
  pinLabel: 'Pin note from {author}, {time}',
  unpinLabel: 'Unpin note from {author}, {time}',
  remove: 'Remove',
  removeLabel: 'Remove note from {author}, {time}',
  pinnedBadge: 'Pinned',
  removedBy: 'Removed by {name} on {time}',
  by: 'by {name}',
  actorUser: 'user',
  actorIntegration: 'integration',
  actorChannel: 'channel',
  manual: 'Manual',
  system: 'System',
  changed: '{field}: {from} → {to}',
  none: '(none)',
  kindGeneral: 'General',
  kindCall: 'Call',
  kindEmail: 'Email',
  kindMeeting: 'Meeting',
  actionFailed: 'That did not work: {reason}',
  newNoteLive: 'Note saved.',
};

/** A key of the notes panel's catalogue. */
export type NotesMessageKey = keyof typeof en;

/** The notes panel's text for a locale, falling back to English key by key. */
export const notesMessage = createMessages({ en, de });
