/** The watch-list badge's texts in Arabic. */
import type { Catalogue } from '../../shared/i18n.js';
import type { BadgeMessageKey } from '../watch-list-badge.messages.js';

const ar: Catalogue<BadgeMessageKey> = {
  label: 'قائمة المراقبة',
  editHint: 'تعديل الملاحظة',
  add: 'إضافة إلى قائمة المراقبة',
  titleAdd: 'إضافة إلى قائمة المراقبة',
  titleEdit: 'تعديل ملاحظة قائمة المراقبة',
  noteLabel: 'ملاحظة قائمة المراقبة',
  noteHint: 'تظهر مع هذا العميل أينما ظهر، أيًّا كان ما يطلبه. الحد الأقصى {max} من الأحرف.',
  clear: 'إزالة من قائمة المراقبة',
  required: 'اكتب ملاحظة قائمة المراقبة.',
  saved: 'حُفظت ملاحظة قائمة المراقبة.',
  cleared: 'أُزيل من قائمة المراقبة.',
  setBy: '{name}، {date}',
  conflict: 'غيّر شخص آخر ملاحظة قائمة المراقبة منذ أن فتحتها.',
  onList: 'في قائمة المراقبة',
  yes: 'نعم',
  no: 'لا',
  noNote: '—',
};

export default ar;
