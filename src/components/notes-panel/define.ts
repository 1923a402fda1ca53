/** Registers `<notes-panel>` (the class module itself registers nothing). */
import { defineElement } from '../shared/define.js';
import { NotesPanel } from './notes-panel.js';

defineElement('notes-panel', NotesPanel);

export { NotesPanel };
