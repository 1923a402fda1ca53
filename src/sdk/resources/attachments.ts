import type { Core } from '../core.js';
import type { Attachment } from '../schemas.js';
import { tags } from '../tags.js';
import type { ReadOptions, WriteOptions } from './types.js';

export interface UploadOptions {
  /** The file name to record; defaults to the File's own name. */
  filename?: string;
  /**
   * Upload progress in bytes. In a browser the upload then goes through XMLHttpRequest (fetch
   * cannot report upload progress); elsewhere it is reported at the start and at the end.
   */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
  /** See `WriteOptions.idempotencyKey`. */
  idempotencyKey?: string;
}

export function attachmentsResource(core: Core) {
  return {
    /** A customer's documents and pictures. */
    list(customerId: string, opts?: ReadOptions): Promise<Attachment[]> {
      return core.read('attachments.list', { customerId }, undefined, [tags.attachments(customerId)], opts);
    },
    /** Upload a document or picture for a customer. */
    async upload(customerId: string, file: Blob, opts: UploadOptions = {}): Promise<Attachment> {
      const attachment = await core.upload('attachments.upload', { customerId }, file, opts);
      // The server records the upload as a system note.
      core.commit({ invalidate: [tags.attachments(customerId), tags.notes(customerId)] });
      return attachment;
    },
    /**
     * The content of an attachment (not cached). A redirect is followed only to the API's origin
     * or one of `downloadOrigins`; anything else rejects with a RedirectError.
     */
    download(attachmentId: string, opts?: { signal?: AbortSignal }): Promise<Blob> {
      return core.call('attachments.download', { attachmentId }, { signal: opts?.signal });
    },
    /** Delete an attachment. */
    async delete(attachmentId: string, opts?: WriteOptions): Promise<void> {
      // The route is keyed by attachment only: find whose list (and order) it was in from the
      // cache, before the call.
      const known = core.cache
        .values('attachments.list')
        .flatMap((list) => list as Attachment[])
        .find((attachment) => attachment.id === attachmentId);
      await core.call('attachments.delete', { attachmentId }, { signal: opts?.signal, idempotencyKey: opts?.idempotencyKey });
      core.commit({
        invalidate: known
          ? [tags.attachments(known.customerId), tags.notes(known.customerId), ...(known.orderId ? [tags.order(known.orderId)] : [])]
          : [tags.attachments('*')],
      });
    },
  };
}
