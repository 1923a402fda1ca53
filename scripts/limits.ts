// Rewrites src/components/shared/limits.generated.ts from the request schemas (see limits-lib.ts).
import { writeFileSync } from 'node:fs';
import { LIMITS_FILE, limitsModule } from './limits-lib.js';

writeFileSync(new URL(`../${LIMITS_FILE}`, import.meta.url), limitsModule());
console.log(`Wrote ${LIMITS_FILE}.`);
