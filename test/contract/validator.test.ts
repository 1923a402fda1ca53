/**
 * The response validator finds the operation and the response, and fails on bodies that break the
 * contract: without this, every "validated" mock response would prove nothing.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import * as s from '../../src/sdk/schemas.js';
import { buildOpenApi } from '../../scripts/openapi-lib.js';
import { createResponseValidator, type ResponseToValidate } from '../../scripts/openapi-validate.js';

const validator = createResponseValidator(buildOpenApi());

// A body built to satisfy the valibot schema (checked below), so the test follows the schema.
const customer: s.Customer = {
  id: 'cus_000001', version: 3, name: 'Ada Lovelace', tradingName: null, salesChannelId: 'ch_web', origin: 'website',
  type: 'retailer', agentId: null, subCustomerCount: 0, bankAccountId: null, accountsReference: 'ADA01', vatExempt: false,
  onHold: false, eori: null, creditLimit: { amountMinor: 100000, currency: 'GBP' }, paymentTermsId: 'pt_30', username: null,
  hasPassword: true, email: 'ada@example.com', telephone: null, mobile: null, fax: null, ebayUserId: null, watchListed: false,
  createdAt: '2026-01-02T03:04:05.000Z', updatedAt: '2026-02-03T04:05:06.000Z',
};

const getCustomer = (body: unknown, extra: Partial<ResponseToValidate> = {}): ResponseToValidate => ({
  method: 'GET', url: 'http://localhost:4010/api/customers/cus_000001', status: 200, contentType: 'application/json', body, ...extra,
});

function errorsOf(input: ResponseToValidate): string[] {
  const result = validator.validate(input);
  return result.ok ? [] : result.errors;
}

describe('createResponseValidator', () => {
  it('accepts a body the schema accepts, and names the operation', () => {
    expect(v.is(s.Customer, customer)).toBe(true);
    expect(validator.validate(getCustomer(customer))).toEqual({ ok: true, operationId: 'customers.get' });
  });

  it('fails a body missing a required field, naming the field', () => {
    const { name: _name, ...withoutName } = customer;
    expect(v.is(s.Customer, withoutName)).toBe(false);
    const errors = errorsOf(getCustomer(withoutName));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("must have required property 'name'");
    expect(errors[0]).toContain('GET /api/customers/cus_000001 200');
  });

  it('fails a field of the wrong type, nested ones included', () => {
    expect(errorsOf(getCustomer({ ...customer, version: '3' }))).toEqual([expect.stringContaining('/version must be integer')]);
    const fractional = { ...customer, creditLimit: { amountMinor: 12.5, currency: 'GBP' } };
    expect(v.is(s.Customer, fractional)).toBe(false);
    expect(errorsOf(getCustomer(fractional))).toEqual([expect.stringContaining('/creditLimit/amountMinor must be integer')]);
    expect(errorsOf(getCustomer({ ...customer, type: 'wholesaler' }))[0]).toContain('/type must be equal to one of the allowed values');
    expect(errorsOf(getCustomer({ ...customer, tradingName: 42 })).join('\n')).toContain('/tradingName');
    expect(errorsOf(getCustomer({ ...customer, updatedAt: 'yesterday' }))[0]).toContain('/updatedAt must match format "date-time"');
  });

  it('validates arrays and pages item by item', () => {
    const summary: s.CustomerSummary = {
      id: 'cus_1', name: 'A', tradingName: null, type: 'public', postcode: 'SW1A 1AA', email: null, salesChannelId: 'ch_web',
      balance: { amountMinor: 0, currency: 'GBP' }, watchListed: false, onHold: false,
    };
    const page = { items: [summary, summary], nextCursor: null, total: 2 };
    const search = { method: 'GET', url: '/api/customers?q=a', status: 200, contentType: 'application/json', body: page };
    expect(validator.validate(search).ok).toBe(true);
    expect(errorsOf({ ...search, body: { ...page, items: [summary, { ...summary, onHold: 'no' }] } })).toEqual([
      expect.stringContaining('/items/1/onHold must be boolean'),
    ]);
    expect(errorsOf({ ...search, body: { items: [] } }).join('\n')).toContain("required property 'nextCursor'");
    expect(errorsOf({ method: 'GET', url: '/api/customers/c/contacts', status: 200, contentType: 'application/json', body: {} })[0]).toContain('must be array');
  });

  it('validates error responses as problem details, and fails undocumented statuses', () => {
    const problem = { type: 'about:blank', title: 'Not found', status: 404 };
    expect(validator.validate(getCustomer(problem, { status: 404, contentType: 'application/problem+json' })).ok).toBe(true);
    expect(errorsOf(getCustomer({ status: 404 }, { status: 404, contentType: 'application/problem+json' }))[0]).toContain("required property 'title'");
    expect(errorsOf(getCustomer(problem, { status: 404, contentType: 'application/json' }))[0]).toContain('Content-Type application/json is not documented');
    // GET /me has no path parameter: 404 is not part of its contract.
    expect(errorsOf({ method: 'GET', url: '/api/me', status: 404, contentType: 'application/problem+json', body: problem })[0]).toContain('status 404 is not documented');
    expect(errorsOf(getCustomer(customer, { status: 201 }))[0]).toContain('status 201 is not documented');
  });

  it('checks required response headers when it is given the headers', () => {
    const unauthorized = { method: 'GET', url: '/api/me', status: 401, contentType: 'application/problem+json', body: { title: 'Sign in', status: 401 } };
    expect(validator.validate(unauthorized).ok).toBe(true);
    expect(errorsOf({ ...unauthorized, headers: new Headers() })).toEqual([expect.stringContaining('required header WWW-Authenticate is missing')]);
    expect(validator.validate({ ...unauthorized, headers: { 'www-authenticate': 'Bearer' } }).ok).toBe(true);
    // Versioned resources carry their version as the ETag.
    expect(errorsOf(getCustomer(customer, { headers: { 'content-type': 'application/json' } }))).toEqual([expect.stringContaining('required header ETag is missing')]);
    expect(validator.validate(getCustomer(customer, { headers: { etag: '"3"' } })).ok).toBe(true);
  });

  it('checks the content type, and only status and content type for bodies that are not JSON', () => {
    expect(errorsOf(getCustomer(customer, { contentType: 'text/html' }))[0]).toContain('Content-Type text/html is not documented');
    expect(errorsOf(getCustomer(customer, { contentType: null }))[0]).toContain('no Content-Type');
    expect(errorsOf(getCustomer(undefined))[0]).toContain('JSON body is missing');
    expect(validator.validate({ method: 'GET', url: '/api/attachments/att_1/content', status: 200, contentType: 'image/png' })).toEqual({ ok: true, operationId: 'attachments.download' });
    expect(validator.validate({ method: 'DELETE', url: '/api/attachments/att_1', status: 204, contentType: null })).toEqual({ ok: true, operationId: 'attachments.delete' });
    expect(errorsOf({ method: 'DELETE', url: '/api/attachments/att_1', status: 204, contentType: 'application/json', body: { id: 1 } })[0]).toContain('no content');
  });

  it('finds operations by method and path template under the base path', () => {
    expect(validator.findOperation('get', '/customers/cus%2F1/account/transactions')).toEqual({
      operationId: 'accounts.transactions', pathTemplate: '/customers/{customerId}/account/transactions', params: { customerId: 'cus/1' },
    });
    expect(validator.findOperation('PATCH', '/customers/c1')?.operationId).toBe('customers.update');
    expect(validator.findOperation('PUT', '/customers/c1')).toBeUndefined();
    expect(validator.findOperation('GET', '/customers/c1/unknown')).toBeUndefined();
    expect(validator.validate(getCustomer(customer, { url: 'http://h/v2/customers/cus_1', basePath: '/v2' })).ok).toBe(true);
    expect(errorsOf(getCustomer(customer, { url: 'http://h/other/customers/cus_1' }))[0]).toContain('not under the base path /api');
    expect(errorsOf(getCustomer(customer, { url: '/api/nowhere' }))[0]).toContain('no operation in the document');
    expect(validator.validate(getCustomer(customer, { url: 'http://h/anything', operationId: 'customers.get' })).ok).toBe(true);
    expect(errorsOf(getCustomer(customer, { operationId: 'customers.nope' }))[0]).toContain('no operation "customers.nope"');
  });

  it('validates against a named component schema', () => {
    expect(validator.validateSchema('Problem', { title: 'x', status: 500 }).ok).toBe(true);
    expect(validator.validateSchema('Problem', { title: 'x', status: '500' }).ok).toBe(false);
  });
});
