/**
 * The Customer Elements SDK: a typed, validated client of the Customer Elements API with a shared
 * cache. Side-effect free: nothing happens until `createClient` is called.
 */
export { createClient } from './client.js';
export type {
  CustomerElementsClient,
  Client,
  CacheApi,
  MeApi,
  ReferenceApi,
  CustomersApi,
  ContactsApi,
  AddressesApi,
  NotesApi,
  WatchListApi,
  AccountsApi,
  LoyaltyApi,
  AttachmentsApi,
  OrdersApi,
  ProductsApi,
  DiscountsApi,
} from './client.js';
export type { ClientOptions, TokenSource } from './http.js';
export type { CacheMode, ReadOptions } from './cache.js';
export type { WriteOptions, VersionedWriteOptions, IterateOptions } from './resources/types.js';
export type { PageQuery } from './resources/customers.js';
export type { AddressQuery } from './resources/addresses.js';
export type { NoteQuery } from './resources/notes.js';
export type { LoyaltyAdjustmentRequest, LoyaltySettingsInput, LoyaltyStatementQuery } from './resources/loyalty.js';
export type { UploadOptions } from './resources/attachments.js';
export type { DownloadOptions } from './resources/accounts.js';
export { invoiceTotals, vatOf, VAT_RATE_BASIS_POINTS, type DocumentTotals } from './vat.js';
export type { TrackingRequest, CancelRequest, RefundRequest, ReturnRequest, AttachOptions } from './resources/orders.js';
export { tags } from './tags.js';
export { paginate, type PageFetcher } from './paginate.js';

export {
  CustomerElementsError,
  isCustomerElementsError,
  isUncertainError,
  errorKind,
  type ErrorKind,
  NetworkError,
  isNetworkError,
  TimeoutError,
  isTimeoutError,
  HttpError,
  isHttpError,
  ValidationError,
  isValidationError,
  ConflictError,
  isConflictError,
  UnauthorizedError,
  isUnauthorizedError,
  ForbiddenError,
  isForbiddenError,
  NotFoundError,
  isNotFoundError,
  InvalidResponseError,
  isInvalidResponseError,
  type ResponseIssue,
  InvalidIdError,
  isInvalidIdError,
  RedirectError,
  isRedirectError,
} from './errors/index.js';

// How each route is called. The whole contract (documentation, request schemas, capabilities) is
// `routes` in `customer-elements/mocks`, which the reference API and the OpenAPI document use.
export { routeCalls, fillPath } from './routes.js';
export type { RouteCall, RouteCalls, RouteId, RouteParams, RouteResponse, HttpMethod } from './routes.js';
export type { RouteDef, RouteSpec, Routes, RouteQuery, RouteBody } from './contract.js';
export * from './schemas.js';
export * from './schemas-catalogue.js';
