/**
 * Writes whose answer is uncertain, part 2: addresses, the order actions and both uploads, each ×
 * every fault (the cases and what each checks: `write-faults.cases.ts`).
 */
import { WRITES, describeWriteFaults } from './write-faults.cases.js';

describeWriteFaults(
  'write faults: addresses, orders, uploads',
  WRITES.filter((write) => !/^(note|watch list|card|contact):/.test(write.name)),
);
