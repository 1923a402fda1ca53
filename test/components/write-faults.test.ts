/**
 * Writes whose answer is uncertain, part 1: notes, the watch list, every card section and the
 * contacts, each × every fault (the cases and what each checks: `write-faults.cases.ts`).
 */
import { WRITES, describeWriteFaults } from './write-faults.cases.js';

describeWriteFaults(
  'write faults: notes, watch list, card, contacts',
  WRITES.filter((write) => /^(note|watch list|card|contact):/.test(write.name)),
);
