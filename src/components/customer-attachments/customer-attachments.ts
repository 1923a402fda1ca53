import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  isCustomerElementsError,
  tags,
  type Attachment,
  type Client,
} from '../../sdk/index.js';
import { emit } from '../shared/events.js';
import { CeElement } from '../shared/base.js';
import { CapabilitiesController } from '../shared/capabilities.js';
import { formatDateTime, formatNumber } from '../shared/format.js';
import { errorMessage } from '../shared/i18n.js';
import { confirmedWrite, isUnconfirmedWrite, newWriteKey } from '../shared/write.js';
import { ResourceController } from '../shared/resource.js';
import { renderConfirmDialog, renderResource, renderSkeleton } from '../shared/states.js';
import { baseStyles, controlStyles } from '../shared/styles.js';
import { attachmentsMessage, type AttachmentsMessageKey } from './customer-attachments.messages.js';
import { attachmentsStyles } from './customer-attachments.styles.js';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '../../sdk/validation.js';

export { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES };

/** The capability that lets a user upload and delete attachments. */
const EDIT_CAPABILITY = 'attachments.edit';

/** The largest file the reference API accepts: 10 MB. */


/** File-name endings for the file picker's filter, beside the types (some systems filter by name). */
const ACCEPT_EXTENSIONS = [
  '.png', '.jpg', '.jpeg', '.gif', '.webp', '.heic', '.tif', '.tiff', '.bmp', '.pdf', '.txt', '.csv',
  '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.odt', '.ods', '.odp', '.rtf',
];

/** How long an object URL outlives the click that starts its download. */
const REVOKE_AFTER_MS = 1_000;

/** Detail of `attachment-upload` and `attachment-delete`. */
export interface AttachmentEventDetail {
  /** The customer the attachment belongs to. */
  customerId: string;
  /** The attachment as the server recorded it (for a delete: as it was before). */
  attachment: Attachment;
}
/** Detail of `attachment-upload`: the file the server accepted. */
export type AttachmentUploadDetail = AttachmentEventDetail;
/** Detail of `attachment-delete`: the attachment the server deleted. */
export type AttachmentDeleteDetail = AttachmentEventDetail;

/** One file the user added: checked, uploading, or refused (with why). */
interface UploadItem {
  key: number;
  file: File;
  name: string;
  loaded: number;
  total: number;
  /** Whether any progress was reported yet (until then the bar is indeterminate). */
  reported: boolean;
  status: 'uploading' | 'failed';
  message: string;
  controller?: AbortController;
  /** The idempotency key of this file's upload: every repeat of it sends the same one. */
  writeKey: string;
  /** Failed after it was sent (not refused before, nor for its size or type): Upload again is offered. */
  retryable?: boolean;
}

/**
 * A customer's documents and pictures: the list (name, type, size, when and by whom uploaded),
 * uploads by file picker or drag and drop (several at once, each with its progress and a Cancel),
 * downloads, and deletes with a confirmation step.
 *
 * Files are checked before they are sent (at most `max-file-size` bytes, one of the accepted
 * types); the server's own refusals (413 too large, 415 type not accepted) are said in words.
 * Users without the `attachments.edit` capability, and every user when `readonly` is set, see the
 * list and can download, nothing more.
 *
 * File names come from the server and are shown as text. A download fetches the file through the
 * SDK and saves it from an object URL under its own name (the `download` attribute); the URL is
 * revoked straight after.
 *
 * ```html
 * <customer-attachments customer-id="cus_000042"></customer-attachments>
 * ```
 *
 * @summary A customer's documents and pictures: list, upload with progress, download, delete.
 *
 * @fires {CustomEvent<AttachmentUploadDetail>} attachment-upload - The server accepted a file the user uploaded.
 * @fires {CustomEvent<AttachmentDeleteDetail>} attachment-delete - The user confirmed a delete and the server deleted the file.
 *
 * @slot heading - Replaces the "Attachments" heading text.
 * @slot empty - Replaces the text shown when the customer has no attachments.
 *
 * @csspart base - The whole component.
 * @csspart header - The heading row.
 * @csspart heading - The heading.
 * @csspart dropzone - The drop area with the file picker button (only for users who may upload).
 * @csspart dropzone-text - The "Drop files here, or" text.
 * @csspart choose-button - The "Choose files" button that opens the file picker.
 * @csspart limits - The accepted types and the size limit.
 * @csspart uploads - The list of uploads in progress and refused files.
 * @csspart upload - One upload (also `upload-failed` when it was refused or failed).
 * @csspart upload-name - The file name of an upload.
 * @csspart progress - The `<progress>` of an upload.
 * @csspart upload-percent - The percentage beside the progress bar.
 * @csspart cancel-upload-button - Cancels an upload in progress.
 * @csspart upload-error - Why a file was refused or its upload failed.
 * @csspart dismiss-button - Dismisses a refused or failed upload.
 * @csspart retry-upload-button - Sends a failed upload again (with the same idempotency key: never twice).
 * @csspart list - The list of attachments.
 * @csspart attachment - One attachment.
 * @csspart name - An attachment's file name.
 * @csspart meta - An attachment's type, size and upload details.
 * @csspart type - The kind of file.
 * @csspart size - The size of the file.
 * @csspart uploaded - When and by whom the file was uploaded.
 * @csspart actions - The Download and Delete buttons of an attachment.
 * @csspart download-button - Downloads the file.
 * @csspart delete-button - Asks to delete the file.
 * @csspart row-error - A failed download, under its attachment.
 * @csspart empty - The empty state.
 * @csspart confirm - The delete confirmation dialog.
 * @csspart confirm-button - The confirmation's Delete button.
 * @csspart confirm-cancel-button - The confirmation's Keep button.
 * @csspart error - A failed load (with `retry-button`) or a failed delete.
 * @csspart retry-button - Loads the list again after a failure.
 * @csspart permissions-message - Shown where the edit actions would be when the user's permissions could not be loaded.
 * @csspart permissions-retry-button - Asks for the permissions again.
 * @csspart skeleton - The placeholder while the list loads.
 * @csspart message - A state message: no API client configured, or nothing to show.
 * @csspart config-message - The message shown when no API client is configured.
 *
 * @cssproperty --customer-attachments-gap - Space between the rows and blocks. Default `--ce-space-m`.
 * @cssproperty --customer-attachments-row-padding - Padding inside each attachment row.
 * @cssproperty --customer-attachments-row-background - Background of an attachment row.
 * @cssproperty --customer-attachments-border-color - Border colour of rows and the drop zone.
 * @cssproperty --customer-attachments-radius - Corner radius of rows and the drop zone.
 * @cssproperty --customer-attachments-dropzone-background - Background of the drop zone.
 * @cssproperty --customer-attachments-dropzone-active-background - Background of the drop zone while files are dragged over it.
 * @cssproperty --customer-attachments-dropzone-active-border-color - Border colour of the drop zone while files are dragged over it.
 * @cssproperty --customer-attachments-progress-color - Fill colour of the upload progress bars.
 * @cssproperty --customer-attachments-muted-color - Colour of the secondary text (type, size, uploader).
 * @cssproperty --customer-attachments-heading-size - Font size of the heading.
 */
export class CustomerAttachments extends CeElement {
  static override styles = [baseStyles, controlStyles, attachmentsStyles];
  static override catalogues = [attachmentsMessage];

  /** The id of the customer whose attachments to show. */
  @property({ attribute: 'customer-id', reflect: true }) customerId = '';

  /** Shows the list and downloads only: no uploads and no deletes, whatever the user's capabilities. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /**
   * The largest file, in bytes, accepted before sending. Default 10 MB (the reference API's limit);
   * set it to your server's limit. The server's own refusal is shown whatever this says.
   */
  @property({ attribute: 'max-file-size', type: Number }) maxFileSize = MAX_ATTACHMENT_BYTES;

  @state() private uploads: UploadItem[] = [];
  @state() private dragging = false;
  @state() private confirming: Attachment | null = null;
  @state() private deleting = false;
  @state() private deleteError = '';
  @state() private downloading = new Set<string>();
  @state() private rowErrors = new Map<string, string>();
  @state() private announcement = '';

  @query('input[type="file"]') private fileInput?: HTMLInputElement;
  @query('dialog') private dialog?: HTMLDialogElement;

  #uploadKey = 0;
  #dragDepth = 0;
  #focusAfter: string | undefined;
  #pendingRevokes = new Map<string, ReturnType<typeof setTimeout>>();
  #downloadControllers = new Set<AbortController>();

  private readonly list = new ResourceController<Attachment[], readonly [string]>(this, {
    args: () => (this.customerId ? ([this.customerId] as const) : undefined),
    load: ([id], signal, client) => client.attachments.list(id, { signal }),
    tags: ([id]) => [tags.attachments(id)],
  });

  private readonly caps = new CapabilitiesController(this, { enabled: () => !this.readonly });

  /** True when this user may upload and delete here. */
  get editable(): boolean {
    return !this.readonly && this.caps.can(EDIT_CAPABILITY);
  }

  private msg(key: AttachmentsMessageKey, params?: Record<string, string | number>): string {
    return attachmentsMessage(this.resolvedLocale, key, params);
  }

  private reason(error: unknown): string {
    return errorMessage(error, (key, params) => this.t(key, params));
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId') && changed.get('customerId') !== undefined) {
      // Another customer: nothing started for the previous one may land under this one.
      this.cancelAllUploads();
      this.uploads = [];
      this.confirming = null;
      this.rowErrors = new Map();
    }
    if (this.confirming && this.caps.me && !this.editable) this.confirming = null;
  }

  protected override updated(): void {
    const dialog = this.dialog;
    if (dialog && this.confirming && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLButtonElement>('[part~="confirm-cancel-button"]')?.focus();
    } else if (dialog && !this.confirming && dialog.open) {
      dialog.close();
    }
    if (this.#focusAfter) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusAfter);
      if (target) {
        this.#focusAfter = undefined;
        target.focus();
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the page stops the uploads; their rows would never finish, so they go too (a
    // refused file's message stays for when the element comes back).
    this.cancelAllUploads();
    this.uploads = this.uploads.filter((item) => item.status !== 'uploading');
    for (const controller of this.#downloadControllers) controller.abort();
    this.#downloadControllers.clear();
    for (const [url, timer] of this.#pendingRevokes) {
      clearTimeout(timer);
      URL.revokeObjectURL(url);
    }
    this.#pendingRevokes.clear();
  }

  // -------------------------------------------------------------------------------------------
  // Uploads

  /** Adds files as the user chose or dropped them: checks each, then uploads those that pass. */
  private addFiles(files: Iterable<File>): void {
    const client = this.api;
    const customerId = this.customerId;
    if (!client || !customerId || !this.editable) return;
    const max = this.maxFileSize;
    const added: UploadItem[] = [];
    for (const file of files) {
      const item: UploadItem = { key: ++this.#uploadKey, file, name: file.name, loaded: 0, total: file.size, reported: false, status: 'uploading', message: '', writeKey: newWriteKey() };
      const type = file.type.split(';')[0]!.trim().toLowerCase();
      if (file.size > max) {
        item.status = 'failed';
        item.message = this.msg('tooLarge', { name: file.name, size: this.formatSize(file.size), max: this.formatSize(max) });
      } else if (type !== '' && !ATTACHMENT_TYPES.includes(type)) {
        // An empty type means the browser could not tell: the server decides (and says 415).
        item.status = 'failed';
        item.message = this.msg('badType', { name: file.name });
      }
      added.push(item);
    }
    if (added.length === 0) return;
    this.uploads = [...this.uploads, ...added];
    const refused = added.filter((item) => item.status === 'failed');
    if (refused.length) this.announcement = refused.map((item) => item.message).join(' ');
    for (const item of added) if (item.status === 'uploading') void this.upload(client, customerId, item);
  }

  private async upload(client: Client, customerId: string, item: UploadItem): Promise<void> {
    const controller = new AbortController();
    item.controller = controller;
    try {
      // After an uncertain answer the identical upload (same key) is sent once more: a server that
      // stored the file answers with the original attachment instead of storing it twice.
      const attachment = await confirmedWrite(() =>
        client.attachments.upload(customerId, item.file, {
          filename: item.name,
          signal: controller.signal,
          idempotencyKey: item.writeKey,
          onProgress: (loaded, total) => {
            item.loaded = loaded;
            item.total = total || item.total;
            item.reported = true;
            this.requestUpdate('uploads');
          },
        }),
      );
      this.uploads = this.uploads.filter((u) => u !== item);
      this.announcement = this.msg('uploaded', { name: attachment.filename });
      emit(this, 'attachment-upload', { customerId, attachment });
    } catch (error) {
      if (controller.signal.aborted) return;
      item.status = 'failed';
      item.controller = undefined;
      const status = isCustomerElementsError(error) ? error.status : undefined;
      item.retryable = status !== 413 && status !== 415;
      item.message = this.uploadError(item, error);
      this.uploads = [...this.uploads];
      this.announcement = item.message;
    }
  }

  private uploadError(item: UploadItem, error: unknown): string {
    const status = isCustomerElementsError(error) ? error.status : undefined;
    if (status === 413) return this.msg('serverTooLarge', { name: item.name, max: this.formatSize(this.maxFileSize) });
    if (status === 415) return this.msg('serverBadType', { name: item.name });
    if (isUnconfirmedWrite(error)) return this.msg('uploadUnconfirmed', { name: item.name });
    return this.msg('uploadFailed', { name: item.name, reason: this.reason(error) });
  }

  private cancelUpload(item: UploadItem): void {
    item.controller?.abort();
    this.uploads = this.uploads.filter((u) => u !== item);
    this.announcement = this.msg('uploadCancelled', { name: item.name });
    this.#focusAfter = '[part~="choose-button"]';
  }

  /** Upload again, with the same key: never a second copy of a file the server already has. */
  private retryUpload(item: UploadItem): void {
    const client = this.api;
    const customerId = this.customerId;
    if (!client || !customerId || item.status !== 'failed') return;
    Object.assign(item, { status: 'uploading', message: '', loaded: 0, reported: false, retryable: false });
    this.uploads = [...this.uploads];
    void this.upload(client, customerId, item);
  }

  private dismissUpload(item: UploadItem): void {
    this.uploads = this.uploads.filter((u) => u !== item);
    this.#focusAfter = '[part~="choose-button"]';
  }

  private cancelAllUploads(): void {
    for (const item of this.uploads) item.controller?.abort();
  }

  private onChoose(): void {
    this.fileInput?.click();
  }

  private onInputChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = input.files ? [...input.files] : [];
    // Clear it, so that choosing the same file again (after a cancel) still reports a change.
    input.value = '';
    this.addFiles(files);
  }

  private hasFiles(event: DragEvent): boolean {
    return event.dataTransfer?.types.includes('Files') ?? false;
  }

  private onDragEnter(event: DragEvent): void {
    if (!this.hasFiles(event)) return;
    event.preventDefault();
    this.#dragDepth++;
    this.dragging = true;
  }

  private onDragOver(event: DragEvent): void {
    if (!this.hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  }

  private onDragLeave(): void {
    this.#dragDepth = Math.max(0, this.#dragDepth - 1);
    if (this.#dragDepth === 0) this.dragging = false;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.#dragDepth = 0;
    this.dragging = false;
    const files = event.dataTransfer?.files;
    if (files?.length) this.addFiles([...files]);
  }

  // -------------------------------------------------------------------------------------------
  // Download

  private async download(attachment: Attachment): Promise<void> {
    const client = this.api;
    if (!client || this.downloading.has(attachment.id)) return;
    const controller = new AbortController();
    this.#downloadControllers.add(controller);
    this.downloading = new Set(this.downloading).add(attachment.id);
    const errors = new Map(this.rowErrors);
    errors.delete(attachment.id);
    this.rowErrors = errors;
    try {
      const blob = await client.attachments.download(attachment.id, { signal: controller.signal });
      this.save(blob, attachment.filename);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.rowErrors = new Map(this.rowErrors).set(attachment.id, this.msg('downloadFailed', { name: attachment.filename, reason: this.reason(error) }));
    } finally {
      this.#downloadControllers.delete(controller);
      const busy = new Set(this.downloading);
      busy.delete(attachment.id);
      this.downloading = busy;
    }
  }

  /**
   * Saves a blob under a file name: an object URL on a temporary link with a `download` attribute,
   * clicked and removed, the URL revoked shortly after (never a navigation to a server URL).
   */
  private save(blob: Blob, filename: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    link.setAttribute('part', 'download-link');
    this.renderRoot.append(link);
    link.click();
    link.remove();
    this.#pendingRevokes.set(
      url,
      setTimeout(() => {
        this.#pendingRevokes.delete(url);
        URL.revokeObjectURL(url);
      }, REVOKE_AFTER_MS),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Delete

  private askDelete(attachment: Attachment): void {
    this.deleteError = '';
    this.confirming = attachment;
  }

  private cancelDelete(): void {
    const attachment = this.confirming;
    this.confirming = null;
    this.deleteError = '';
    if (attachment) this.#focusAfter = `[data-delete="${CSS.escape(attachment.id)}"]`;
  }

  private onDialogCancel(event: Event): void {
    event.preventDefault();
    if (!this.deleting) this.cancelDelete();
  }

  private async confirmDelete(): Promise<void> {
    const client = this.api;
    const attachment = this.confirming;
    const customerId = this.customerId;
    if (!client || !attachment || this.deleting) return;
    this.deleting = true;
    this.deleteError = '';
    try {
      await confirmedWrite(() => client.attachments.delete(attachment.id));
      this.confirming = null;
      this.announcement = this.msg('deleted', { name: attachment.filename });
      this.#focusAfter = '[part~="heading"]';
      emit(this, 'attachment-delete', { customerId, attachment });
    } catch (error) {
      this.deleteError = isUnconfirmedWrite(error) ? this.t('write.unconfirmedAction') : this.msg('deleteFailed', { reason: this.reason(error) });
    } finally {
      this.deleting = false;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Formatting

  private formatSize(bytes: number): string {
    const locale = this.resolvedLocale;
    // "168 bytes" (the short form would say "168 byte"), "12.5 kB", "3.2 MB".
    if (bytes < 1000) return formatNumber(bytes, locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
    if (bytes < 1000 * 1000) {
      return formatNumber(bytes / 1024, locale, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 });
    }
    return formatNumber(bytes / (1024 * 1024), locale, { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 });
  }

  private typeName(contentType: string): string {
    const type = contentType.split(';')[0]!.trim().toLowerCase();
    if (type.startsWith('image/')) return this.msg('typeImage', { format: type.slice(6).toUpperCase() });
    const known: Record<string, AttachmentsMessageKey> = {
      'application/pdf': 'typePdf',
      'text/plain': 'typeText',
      'text/csv': 'typeCsv',
      'application/msword': 'typeWord',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'typeWord',
      'application/vnd.ms-excel': 'typeExcel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'typeExcel',
      'application/vnd.ms-powerpoint': 'typePowerPoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'typePowerPoint',
      'application/vnd.oasis.opendocument.text': 'typeOdText',
      'application/vnd.oasis.opendocument.spreadsheet': 'typeOdSheet',
      'application/vnd.oasis.opendocument.presentation': 'typeOdSlides',
      'application/rtf': 'typeRtf',
    };
    const key = known[type];
    return key ? this.msg(key) : this.msg('typeOther', { type: contentType });
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  protected override render(): TemplateResult {
    const busy =
      this.list.status === 'loading' || this.caps.loading || this.uploads.some((u) => u.status === 'uploading');
    return html`<section part="base" class="base" aria-labelledby="heading" aria-busy=${busy ? 'true' : 'false'}>
      <div part="header" class="header">
        <h2 part="heading" id="heading" tabindex="-1"><slot name="heading">${this.msg('heading')}</slot></h2>
      </div>
      ${this.editable ? this.renderDropzone() : this.customerId ? this.caps.render() : nothing}
      ${this.renderUploads()}
      ${renderResource(this, this.list, (items) => this.renderList(items), {
        skeleton: renderSkeleton(3, this.t('state.loading')),
        isEmpty: (items) => items.length === 0,
        empty: html`<p class="empty" part="empty"><slot name="empty">${this.msg('empty')}</slot></p>`,
      })}
      <div class="ce-visually-hidden" role="status">${this.announcement}</div>
      ${this.renderConfirm()}
    </section>`;
  }

  private renderDropzone(): TemplateResult {
    const accept = [...ATTACHMENT_TYPES, ...ACCEPT_EXTENSIONS].join(',');
    return html`<div
      part="dropzone"
      class="dropzone ${this.dragging ? 'dragging' : ''}"
      @dragenter=${this.onDragEnter}
      @dragover=${this.onDragOver}
      @dragleave=${this.onDragLeave}
      @drop=${this.onDrop}
    >
      <span part="dropzone-text" aria-hidden="true">${this.msg('dropHint')}</span>
      <button type="button" class="ce-button" part="choose-button" aria-describedby="limits" @click=${this.onChoose}>
        ${this.msg('choose')}
      </button>
      <input type="file" multiple hidden accept=${accept} tabindex="-1" @change=${this.onInputChange} />
      <p part="limits" id="limits" class="limits">${this.msg('limits', { max: this.formatSize(this.maxFileSize) })}</p>
    </div>`;
  }

  private renderUploads(): TemplateResult | typeof nothing {
    if (this.uploads.length === 0) return nothing;
    return html`<ul part="uploads" class="uploads" aria-label=${this.msg('uploadsLabel')}>
      ${repeat(
        this.uploads,
        (item) => item.key,
        (item) => (item.status === 'uploading' ? this.renderUploading(item) : this.renderFailed(item)),
      )}
    </ul>`;
  }

  private renderUploading(item: UploadItem): TemplateResult {
    const total = Math.max(item.total, 1);
    const value = Math.min(item.loaded, total);
    const percent = item.reported
      ? formatNumber(value / total, this.resolvedLocale, { style: 'percent', maximumFractionDigits: 0 })
      : '';
    // Indeterminate (no value) until the first progress report: a request that reports none (a
    // service worker answers it, or fetch sends it) is not shown stuck at 0 %.
    return html`<li part="upload" class="upload" data-upload=${item.key}>
      <span part="upload-name" class="name text">${item.name}</span>
      <progress
        part="progress"
        max=${total}
        value=${item.reported ? value : nothing}
        aria-label=${this.msg('uploading', { name: item.name })}
      ></progress>
      <span part="upload-percent" class="percent" aria-hidden="true">${percent}</span>
      <button
        type="button"
        class="ce-button ce-button--quiet"
        part="cancel-upload-button"
        aria-label=${this.msg('cancelUploadLabel', { name: item.name })}
        @click=${() => this.cancelUpload(item)}
      >
        ${this.msg('cancelUpload')}
      </button>
    </li>`;
  }

  private renderFailed(item: UploadItem): TemplateResult {
    return html`<li part="upload upload-failed" class="upload failed" data-upload=${item.key}>
      <span part="upload-name" class="name text">${item.name}</span>
      <p part="upload-error" class="upload-error text">${item.message}</p>
      ${item.retryable
        ? html`<button
            type="button"
            class="ce-button"
            part="retry-upload-button"
            aria-label=${this.msg('uploadAgainLabel', { name: item.name })}
            @click=${() => this.retryUpload(item)}
          >
            ${this.msg('uploadAgain')}
          </button>`
        : nothing}
      <button
        type="button"
        class="ce-button ce-button--quiet"
        part="dismiss-button"
        aria-label=${this.msg('dismissLabel', { name: item.name })}
        @click=${() => this.dismissUpload(item)}
      >
        ${this.msg('dismiss')}
      </button>
    </li>`;
  }

  private renderList(items: Attachment[]): TemplateResult {
    const editable = this.editable;
    const locale = this.resolvedLocale;
    return html`<ul part="list" class="list" aria-label=${this.msg('listLabel')}>
      ${repeat(
        items,
        (a) => a.id,
        (a) => {
          const rowError = this.rowErrors.get(a.id);
          const downloading = this.downloading.has(a.id);
          return html`<li part="attachment" class="attachment" data-attachment-id=${a.id}>
            <p part="name" class="name text">${a.filename}</p>
            <p part="meta" class="meta">
              <span part="type" class="text">${this.typeName(a.contentType)}</span>
              <span aria-hidden="true">·</span>
              <span part="size">${this.formatSize(a.size)}</span>
              <span aria-hidden="true">·</span>
              <span part="uploaded" class="text">${this.msg('uploadedBy', {
                when: formatDateTime(a.uploadedAt, locale),
                who: a.uploadedBy.name,
              })}</span>
            </p>
            <div part="actions" class="actions">
              <button
                type="button"
                class="ce-button"
                part="download-button"
                aria-label=${this.msg('downloadLabel', { name: a.filename })}
                aria-disabled=${downloading ? 'true' : 'false'}
                @click=${() => void this.download(a)}
              >
                ${downloading ? this.msg('downloading') : this.msg('download')}
              </button>
              ${editable
                ? html`<button
                    type="button"
                    class="ce-button ce-button--danger"
                    part="delete-button"
                    data-delete=${a.id}
                    aria-label=${this.msg('deleteLabel', { name: a.filename })}
                    @click=${() => this.askDelete(a)}
                  >
                    ${this.msg('delete')}
                  </button>`
                : nothing}
            </div>
            ${rowError ? html`<p part="row-error" class="row-error text" role="alert">${rowError}</p>` : nothing}
          </li>`;
        },
      )}
    </ul>`;
  }

  private renderConfirm(): TemplateResult {
    const a = this.confirming;
    return renderConfirmDialog({
      open: a !== null,
      title: this.msg('confirmTitle'),
      text: a ? this.msg('confirmText', { name: a.filename }) : '',
      error: this.deleteError,
      busy: this.deleting,
      confirmLabel: this.msg('confirmDelete'),
      busyLabel: this.msg('deleting'),
      keepLabel: this.msg('keep'),
      onConfirm: () => void this.confirmDelete(),
      onKeep: () => this.cancelDelete(),
      onCancel: (event) => this.onDialogCancel(event),
      // Closed some other way than its buttons (e.g. Escape without a cancel event).
      onClose: () => {
        if (this.confirming && !this.deleting) this.cancelDelete();
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-attachments': CustomerAttachments;
  }
  interface HTMLElementEventMap {
    'attachment-upload': CustomEvent<AttachmentUploadDetail>;
    'attachment-delete': CustomEvent<AttachmentDeleteDetail>;
  }
}
