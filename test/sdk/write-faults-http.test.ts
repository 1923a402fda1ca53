// Every write × every fault, on mock-server over a real socket on 127.0.0.1.
import { defineWriteFaultsSuite } from './write-faults.suite.js';

defineWriteFaultsSuite('http');
