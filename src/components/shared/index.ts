/**
 * The shared base of the components: one import for component authors.
 * (Component modules may also import the files directly.)
 */
export { CATALOGUE_PATIENCE_MS, CeElement, DEFAULT_LOCALE } from './base.js';
export { clientContext, localeContext, ensureContextRoot } from './context.js';
export { defineElement } from './define.js';
export { emit, type EventDetail, type ViewCloseEvent } from './events.js';
export {
  MISSING,
  currencyDigits,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
} from './format.js';
export {
  catalogueEvents,
  createMessages,
  en,
  errorMessage,
  fieldErrors,
  languageOf,
  registerCatalogues,
  translate,
  type Catalogue,
  type CatalogueModule,
  type CatalogueSource,
  type LoadableCatalogue,
  type Messages,
  type MessageKey,
  type MessageParams,
  type Translate,
} from './i18n.js';
export {
  COUNTER_FROM,
  fieldLimit,
  isOverLimit,
  limitDescribedBy,
  limitState,
  overLimitMessage,
  renderLimit,
  textLimit,
  type LimitState,
  type RenderLimitOptions,
  type TextLimit,
} from './limits.js';
export { CustomerElementsProvider } from './provider.js';
export {
  ResourceController,
  subscribeToTags,
  type ResourceHost,
  type ResourceOptions,
  type ResourceStatus,
} from './resource.js';
export {
  renderConfigMessage,
  renderError,
  renderResource,
  renderSkeleton,
  type RenderResourceOptions,
} from './states.js';
export { UnconfirmedWriteError, confirmedWrite, isUnconfirmedWrite, forgetWriteKey, newWriteKey, recordShows, writeFailureText, writeKeyFor, type ConfirmOptions } from './write.js';
export { baseStyles, controlStyles, visuallyHidden } from './styles.js';
