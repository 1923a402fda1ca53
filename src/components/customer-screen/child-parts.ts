/**
 * The parts of each child that the screen re-exports, prefixed with the child's part name
 * (`notes-heading`, `card-edit-button`…), so that a page can style them from outside the screen:
 * `customer-screen::part(notes-add-button)`. The lists are the children's documented parts
 * (`@csspart`, as the Custom Elements Manifest has them) plus their documented variants and the
 * shared state parts; a part a child adds later needs adding here.
 */
const CHILD_PARTS = {
  addresses: [
    'base', 'header', 'heading', 'search', 'add-button', 'list', 'address', 'address-label',
    'address-lines', 'roles', 'role', 'edit-button', 'delete-button', 'empty', 'pager', 'previous',
    'next', 'page-status', 'form', 'field', 'input', 'country-select', 'role-checkboxes',
    'field-error', 'error', 'save-button', 'cancel-button', 'confirm', 'confirm-button',
    'confirm-cancel-button', 'role-admin', 'role-billing', 'role-delivery', 'skeleton', 'message',
    'config-message', 'retry-button', 'conflict', 'conflict-changes', 'reload-button', 'changes',
    'permissions-message', 'permissions-retry-button',
  ],
  attachments: [
    'base', 'header', 'heading', 'dropzone', 'dropzone-text', 'choose-button', 'limits', 'uploads',
    'upload', 'upload-name', 'progress', 'upload-percent', 'cancel-upload-button', 'upload-error',
    'dismiss-button', 'list', 'attachment', 'name', 'meta', 'type', 'size', 'uploaded', 'actions',
    'download-button', 'delete-button', 'row-error', 'empty', 'confirm', 'confirm-button',
    'confirm-cancel-button', 'error', 'retry-button', 'skeleton', 'upload-failed', 'message',
    'config-message', 'permissions-message', 'permissions-retry-button',
  ],
  card: [
    'card', 'header', 'name', 'trading-name', 'watch-list-badge', 'on-hold', 'actions', 'sections',
    'section', 'section-header', 'section-title', 'edit-button', 'fields', 'field', 'label',
    'value', 'money', 'note', 'dispatch-rule', 'origin-note', 'view-accounts-button', 'points',
    'form', 'input', 'hint', 'field-error', 'form-error', 'form-actions', 'save-button',
    'cancel-button', 'conflict', 'reload-button', 'changes', 'contacts', 'contact', 'contact-name',
    'add-contact-button', 'remove-button', 'footer', 'section-identity', 'section-channel',
    'section-company', 'section-terms', 'section-finances', 'section-loyalty', 'section-personal',
    'section-contacts', 'skeleton', 'message', 'config-message', 'empty', 'error', 'retry-button',
    'conflict-changes', 'permissions-message', 'permissions-retry-button',
  ],
  notes: [
    'base', 'header', 'heading', 'filter', 'add-button', 'list', 'note', 'note-meta', 'note-kind',
    'note-author', 'note-time', 'note-text', 'note-change', 'change-sentence', 'note-removed-by', 'note-actions',
    'pin', 'remove', 'empty', 'footer', 'count', 'load-more', 'editor', 'editor-title', 'textarea',
    'kind-select', 'pinned-checkbox', 'save-button', 'cancel-button', 'error', 'note-manual',
    'note-system', 'note-pinned', 'note-removed', 'skeleton', 'message', 'config-message',
    'retry-button', 'permissions-message', 'permissions-retry-button',
  ],
  orders: [
    'toolbar', 'search', 'status-filter', 'channel-filter', 'season-select', 'order-from-stock',
    'count', 'grid', 'header-row', 'header-cell', 'sort-indicator', 'row', 'cell', 'status',
    'priority', 'placeholder', 'empty', 'error', 'dialog', 'close-button', 'detail', 'row-loading',
    'cell-number', 'cell-date', 'cell-quantity', 'cell-cost', 'cell-status', 'cell-channel',
    'cell-priority', 'skeleton', 'message', 'config-message', 'retry-button',
  ],
  badge: [
    'icon', 'trigger', 'tooltip', 'add-button', 'editor', 'textarea', 'field-error', 'save-button',
    'cancel-button', 'clear-button', 'error', 'retry-button', 'message', 'skeleton',
    'config-message', 'empty', 'permissions-message', 'permissions-retry-button', 'conflict',
    'conflict-changes', 'reload-button', 'changes',
  ],
} as const satisfies Record<string, readonly string[]>;

/** A child's part name, which is also the prefix of its re-exported parts. */
export type ChildPart = keyof typeof CHILD_PARTS;

/** The `exportparts` value for a child: each of its parts as `<prefix>-<part>`. */
export function exportPartsFor(child: ChildPart): string {
  return CHILD_PARTS[child].map((name) => `${name}: ${child}-${name}`).join(', ');
}
