// The SDK suite on the MSW Node handlers, in process.
import { defineReferenceApiSuite } from './reference-api.suite.js';

defineReferenceApiSuite('msw');
