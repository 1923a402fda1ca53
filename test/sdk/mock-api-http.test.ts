// The same SDK suite on mock-server over a real socket on 127.0.0.1.
import { defineReferenceApiSuite } from './reference-api.suite.js';

defineReferenceApiSuite('http');
