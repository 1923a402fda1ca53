/**
 * The attachments panel's own UI text (shared texts such as errors come from the shared catalogue).
 */
import { createMessages } from '../shared/i18n.js';
import ar from './locales/ar.js';
import de from './locales/de.js';

export const en = {
  heading: 'Attachments',
  empty: 'No documents or pictures yet.',
  dropHint: 'Drop files here, or',
  choose: 'Choose files',
  limits: 'Pictures, PDF, text, CSV and office documents, up to {max} each.',
  listLabel: 'Attached files',
  uploadsLabel: 'Uploads',
  uploading: 'Uploading {name}',
  cancelUpload: 'Cancel',
  cancelUploadLabel: 'Cancel the upload of {name}',
  dismiss: 'Dismiss',
  dismissLabel: 'Dismiss the message about {name}',
  uploaded: '{name} uploaded.',
  uploadCancelled: 'Upload of {name} cancelled.',
  tooLarge: '“{name}” is {size}: files can be at most {max}.',
  badType: '“{name}” is not a file type you can attach. Attach a picture, a PDF, a text or CSV file or an office document.',
  serverTooLarge: 'The server refused “{name}”: it is too large (files can be at most {max}).',
  serverBadType: 'The server does not accept files of this type (“{name}”). Attach a picture, a PDF, a text or CSV file or an office document.',
  uploadFailed: '“{name}” was not uploaded. {reason}',
  uploadUnconfirmed: 'We could not confirm whether “{name}” was uploaded. Upload again will not store it twice.',
  uploadAgain: 'Upload again',
  uploadAgainLabel: 'Upload {name} again',
  download: 'Download',
  downloadLabel: 'Download {name}',
  downloading: 'Downloading…',
  downloadFailed: '“{name}” could not be downloaded. {reason}',
  delete: 'Delete',
  deleteLabel: 'Delete {name}',
  confirmTitle: 'Delete this attachment?',
  confirmText: '“{name}” will be deleted for everyone. This cannot be undone.',
  keep: 'Keep it',
  confirmDelete: 'Delete',
  deleting: 'Deleting…',
  deleted: '{name} deleted.',
  deleteFailed: 'The attachment was not deleted. {reason}',
  uploadedBy: '{when} by {who}',
  sizeLabel: 'Size',
  typeLabel: 'Type',
  uploadedLabel: 'Uploaded',
  typeImage: 'Picture ({format})',
  typePdf: 'PDF document',
  typeText: 'Text file',
  typeCsv: 'CSV file',
  typeWord: 'Word document',
  typeExcel: 'Excel spreadsheet',
  typePowerPoint: 'PowerPoint presentation',
  typeOdText: 'OpenDocument text',
  typeOdSheet: 'OpenDocument spreadsheet',
  typeOdSlides: 'OpenDocument presentation',
  typeRtf: 'Rich text document',
  typeOther: 'File ({type})',
} as const;

export type AttachmentsMessageKey = keyof typeof en;
export const attachmentsMessage = createMessages({ en, de, ar });
