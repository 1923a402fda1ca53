import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as generated from '../../src/components/shared/limits.generated.js';
import type { TextLimit } from '../../src/components/shared/limits.js';
import { fieldLimit } from '../../src/components/shared/limits.js';
import * as schemas from '../../src/sdk/schemas.js';
import { LIMITS_FILE, limitsModule } from '../../scripts/limits-lib.js';

describe('the text limits components import as numbers', () => {
  it('are what the request schemas say now (run `npm run limits` after changing a schema)', () => {
    expect(readFileSync(new URL(`../../${LIMITS_FILE}`, import.meta.url), 'utf8')).toBe(limitsModule());
  });

  it('hold every limited field of the schemas the components count against', () => {
    // The fields the components show a counter for, read from the schema and from the table.
    const cases: Array<[string, Readonly<Partial<Record<string, TextLimit>>>, { entries: Record<string, unknown> }, string]> = [
      ['NoteInputLimits', generated.NoteInputLimits, schemas.NoteInput, 'text'],
      ['WatchListInputLimits', generated.WatchListInputLimits, schemas.WatchListInput, 'note'],
      ['CustomerSearchQueryLimits', generated.CustomerSearchQueryLimits, schemas.CustomerSearchQuery, 'q'],
      ['AddressInputLimits', generated.AddressInputLimits, schemas.AddressInput, 'line1'],
      ['AddressInputLimits', generated.AddressInputLimits, schemas.AddressInput, 'postcode'],
      ['TrackingInputLimits', generated.TrackingInputLimits, schemas.TrackingInput, 'code'],
      ['CancelInputLimits', generated.CancelInputLimits, schemas.CancelInput, 'reason'],
      ['LoyaltyAdjustmentLimits', generated.LoyaltyAdjustmentLimits, schemas.LoyaltyAdjustment, 'reason'],
      ['CustomerCreateLimits', generated.CustomerCreateLimits, schemas.CustomerCreate, 'name'],
      ['ContactInputLimits', generated.ContactInputLimits, schemas.ContactInput, 'email'],
    ];
    for (const [name, table, schema, field] of cases) {
      const expected = fieldLimit(schema, field);
      expect(expected, `${name}.${field} has a limit in the schema`).toBeDefined();
      expect(table[field], `${name}.${field}`).toEqual(expected);
    }
    expect(generated.NoteInputLimits.text?.max).toBe(5000);
  });
});
