/**
 * Arabic (Modern Standard Arabic): every shared text. Terms follow `glossary.ar.ts`.
 */
import type { Catalogue, MessageKey } from '../i18n.js';

const ar: Catalogue<MessageKey> = {
  'state.loading': 'جارٍ التحميل…',
  'state.empty': 'لا يوجد ما يُعرض.',
  'state.noClient':
    'لا يوجد عميل API: ضع هذا العنصر داخل <customer-elements-provider base-url=…> أو اضبط الخاصية client الخاصة به.',
  'action.retry': 'إعادة المحاولة',
  'action.save': 'حفظ',
  'action.saving': 'جارٍ الحفظ…',
  'action.cancel': 'إلغاء',
  'action.edit': 'تعديل',
  'action.close': 'إغلاق',
  'action.remove': 'إزالة',
  'error.network': 'تعذّر الوصول إلى الخادم. تحقّق من الاتصال وأعد المحاولة.',
  'error.timeout': 'استغرق الخادم وقتًا طويلًا في الرد. أعد المحاولة.',
  'error.http': 'تعذّر على الخادم إتمام الطلب (الخطأ {status}). أعد المحاولة.',
  'error.httpNoStatus': 'تعذّر على الخادم إتمام الطلب. أعد المحاولة.',
  'error.validation': 'بعض البيانات تحتاج إلى مراجعة. تحقّق من الحقول المحدّدة أدناه.',
  'error.conflict': 'غيّر شخص آخر هذا السجل منذ أن فتحته. أعد التحميل لترى تغييراته، ثم أعد المحاولة.',
  'error.unauthorized': 'انتهت جلستك. سجّل الدخول مرة أخرى للمتابعة.',
  'error.forbidden': 'ليست لديك صلاحية للقيام بذلك.',
  'error.notFound': 'هذا السجل لم يعد موجودًا، أو لا يمكنك رؤيته.',
  'error.invalidResponse': 'أرسل الخادم ردًّا لا تستطيع هذه الصفحة قراءته. أعد المحاولة أو أبلغ مسؤول النظام.',
  'error.unknown': 'حدث خطأ ما. أعد المحاولة.',
  'write.unconfirmed': 'لم نتمكّن من التأكّد من أن الحفظ تمّ. نصّك محفوظ هنا؛ ولن تؤدي إعادة الحفظ إلى حفظه مرتين.',
  'write.unconfirmedAction': 'لم نتمكّن من التأكّد من أن العملية تمّت. إعادة المحاولة لن تنفّذها مرتين.',
  'permissions.failed': 'تعذّر تحميل صلاحياتك، لذا أُوقف التعديل.',
  'conflict.hint': 'أعد التحميل لتأخذ نسختهم؛ ما كتبته يبقى محفوظًا.',
  'conflict.checking': 'جارٍ التحقّق مما تغيّر…',
  'conflict.changed': 'تغيّر منذ أن فتحته:',
  // The arrow points along the reading direction: right to left.
  'conflict.change': '{field}: {from} ← {to}',
  'conflict.nothingShown': 'لم يتغيّر شيء مما يظهر هنا.',
  'conflict.rereadFailed': 'تعذّر تحميل أحدث نسخة. أعد التحميل للمحاولة مرة أخرى.',
  'conflict.reloaded': 'أُعيد التحميل. ما كتبته باقٍ فوق نسختهم: راجعه ثم احفظ مرة أخرى.',
  'action.reload': 'إعادة التحميل',
  'limit.counter': '{count} / {max}',
  'limit.counterLong': 'عدد الأحرف: {count} من {max}',
  'limit.reached': '{label}: بلغتَ الحد الأقصى لعدد الأحرف ({max}).',
  'limit.over': 'الحد الأقصى لعدد أحرف «{label}» هو {max}: احذف {excess}.',
  'limit.overStatus': '«{label}» يتجاوز الحد الأقصى لعدد الأحرف ({max}).',
  // The enumerations the library owns, named once for every component (the glossary's words).
  'term.customerType.public': 'فرد',
  'term.customerType.retailer': 'تاجر تجزئة',
  'term.customerType.agent': 'وكيل',
  'term.orderStatus.unallocated': 'غير مخصّص',
  'term.orderStatus.allocated': 'مخصّص',
  'term.orderStatus.dispatched': 'تم الشحن',
  'term.orderStatus.cancelled': 'ملغى',
  'term.addressRole.admin': 'الإدارة',
  'term.addressRole.billing': 'الفوترة',
  'term.addressRole.delivery': 'التوصيل',
  'term.noteKind.general': 'عامة',
  'term.noteKind.call': 'مكالمة',
  'term.noteKind.email': 'بريد إلكتروني',
  'term.noteKind.meeting': 'اجتماع',
};

export default ar;
