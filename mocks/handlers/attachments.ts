/** Documents and pictures: multipart upload with size and type limits, download, delete. */
import type { Attachment } from '../../src/sdk/schemas.js';
import { changed, textValue } from '../data/changes.js';
import type { StoredAttachment } from '../data/database.js';
import { loadCustomer, param, systemNote, type HandlerContext, type ResourceDef } from './context.js';
import { HttpError, invalid, notFound } from './problem.js';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '../../src/sdk/validation.js';

/** Shared with the component, which checks the same rules before sending. */
const ALLOWED_TYPES = new Set(ATTACHMENT_TYPES);
const MAX_UPLOAD_BYTES = MAX_ATTACHMENT_BYTES;

/** Control characters, bidi overrides and isolates, and characters that break headers, paths or shells. */
function isUnsafeChar(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x200e || c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || '"*:<>?|;`$'.includes(ch);
}

/**
 * A filename safe to store and to send back in Content-Disposition: no directories, no control or
 * bidi-override characters, no characters that break headers or shells, never empty or hidden.
 */
export function sanitiseFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let clean = [...base.normalize('NFC')].filter((ch) => !isUnsafeChar(ch)).join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (clean.length > 150) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, 150 - ext.length) + ext;
  }
  return clean || 'file';
}

/** Read and check the `file` part of a multipart upload. */
export async function readUpload(ctx: HandlerContext): Promise<{ filename: string; contentType: string; content: Uint8Array }> {
  const length = Number(ctx.request.headers.get('content-length') ?? '0');
  if (length > MAX_UPLOAD_BYTES + 64 * 1024) throw tooLarge();
  const type = ctx.request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type)) {
    throw new HttpError(415, { detail: 'Send the file as multipart/form-data with a "file" part.' });
  }
  let form: FormData;
  try {
    form = await ctx.request.formData();
  } catch {
    throw new HttpError(400, { detail: 'The multipart body could not be read.' });
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string') {
    throw invalid([{ field: 'file', message: 'Choose a file to upload.', code: 'required' }]);
  }
  if (file.size > MAX_UPLOAD_BYTES) throw tooLarge();
  const contentType = (file.type || 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
  if (!ALLOWED_TYPES.has(contentType)) {
    throw new HttpError(415, {
      detail: `Files of type ${contentType} are not accepted. Upload a picture, a PDF, a text file or an office document.`,
    });
  }
  return { filename: sanitiseFilename(file.name || 'file'), contentType, content: new Uint8Array(await file.arrayBuffer()) };
}

const tooLarge = () => new HttpError(413, { detail: 'Files can be at most 10 MB.' });

export const toAttachment = (a: StoredAttachment): Attachment => ({
  id: a.id, customerId: a.customerId, orderId: a.orderId, filename: a.filename,
  contentType: a.contentType, size: a.size, uploadedAt: a.uploadedAt, uploadedBy: a.uploadedBy,
});

function loadAttachment(ctx: HandlerContext): StoredAttachment {
  const id = param(ctx, 'attachmentId');
  const a = ctx.db.getAttachment(id);
  if (!a) throw notFound('attachment', id);
  return a;
}

/** RFC 6266 / 8187: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const attachmentResources = {
  'attachments.list': {
    handle: (ctx) => ({ body: ctx.db.attachmentsOf(loadCustomer(ctx).id).map(toAttachment) }),
  },

  'attachments.upload': {
    async handle(ctx) {
      const customer = loadCustomer(ctx);
      const upload = await readUpload(ctx);
      const stored = ctx.db.addAttachment({
        customerId: customer.id,
        orderId: null,
        filename: upload.filename,
        contentType: upload.contentType,
        size: upload.content.byteLength,
        uploadedAt: ctx.now,
        uploadedBy: ctx.actor,
        content: upload.content,
      });
      systemNote(ctx, customer.id, `Attachment added: ${stored.filename}`, [changed('attachments', null, textValue(stored.filename))]);
      return {
        body: toAttachment(stored),
        headers: { Location: `${ctx.baseUrl}/attachments/${encodeURIComponent(stored.id)}/content` },
      };
    },
  },

  'attachments.download': {
    handle(ctx) {
      const a = loadAttachment(ctx);
      const bytes = new Uint8Array(a.content);
      return new Response(bytes, {
        status: 200,
        headers: {
          'Content-Type': a.contentType,
          'Content-Length': String(bytes.byteLength),
          'Content-Disposition': contentDisposition(a.filename),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    },
  },

  'attachments.delete': {
    handle(ctx) {
      const a = loadAttachment(ctx);
      ctx.db.deleteAttachment(a.id);
      if (a.orderId) {
        const order = ctx.db.getOrder(a.orderId);
        if (order?.attachments.some((x) => x.id === a.id)) {
          const copy = structuredClone(order);
          copy.attachments = copy.attachments.filter((x) => x.id !== a.id);
          ctx.db.saveOrder(copy);
        }
      }
      systemNote(ctx, a.customerId, `Attachment removed: ${a.filename}`, [changed('attachments', textValue(a.filename), null)]);
      return { status: 204 };
    },
  },
} satisfies Record<string, ResourceDef>;
