/**
 * The SDK's URL and redirect defences in a real browser, where a redirect answer to a manual-mode
 * fetch is opaque: nothing of another origin is followed or trusted, and no id reaches another
 * resource.
 */
import { expect } from '@open-wc/testing';
import { http } from 'msw';
import { createClient, isInvalidIdError, isRedirectError } from '../../src/sdk/index.js';
import { startMocks, type Mocks } from './helpers.js';
import { rejection } from '../rejection.js';

describe('the SDK in the browser', () => {
  let mocks: Mocks;
  before(async function () {
    // Starting the mock API (worker, data set) takes seconds on a busy machine: more than a test's 10 s.
    this.timeout(60_000);
    mocks = await startMocks();
  });
  afterEach(() => {
    mocks.worker.resetHandlers();
    mocks.scenario.reset();
  });

  it('refuses a redirect to another origin: a redirected DELETE is never reported as done', async () => {
    const { creditTrade } = mocks.db.fixtures.customers;
    const contact = mocks.db.contactsOf(creditTrade)[0]!;
    mocks.worker.use(
      http.delete(`${mocks.baseUrl}/customers/:customerId/contacts/:contactId`, () =>
        new Response(null, { status: 307, headers: { Location: 'https://elsewhere.example/contacts/1' } }),
      ),
    );
    const client = createClient({ baseUrl: mocks.baseUrl, getToken: () => mocks.tokens.admin, retry: 0 });
    const error = await rejection(client.contacts.delete(creditTrade, contact.id));
    expect(isRedirectError(error), String(error)).to.equal(true);
    expect(mocks.db.getContact(contact.id), 'the contact is still there').to.not.equal(undefined);
  });

  it('refuses "." and ".." as ids before anything is sent', async () => {
    const { creditTrade } = mocks.db.fixtures.customers;
    const before = mocks.db.getCustomer(creditTrade)!.version;
    const client = createClient({ baseUrl: mocks.baseUrl, getToken: () => mocks.tokens.admin });
    for (const id of ['.', '..']) {
      expect(isInvalidIdError(await rejection(client.contacts.update(creditTrade, id, { name: 'Renamed' }, { version: 1 })))).to.equal(true);
      expect(isInvalidIdError(await rejection(client.contacts.delete(creditTrade, id)))).to.equal(true);
    }
    expect(mocks.db.getCustomer(creditTrade)!.version, 'the customer was not touched').to.equal(before);
  });
});
