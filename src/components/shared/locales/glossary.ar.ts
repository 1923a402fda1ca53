/** Arabic glossary: each product term translated once (see `glossary.ts`). */
import type { Glossary } from './glossary.js';

const glossary: Glossary = [
  { en: 'customer', term: 'عميل', forms: ['عميل', 'عملاء'], notIn: ['customer-elements'], note: 'Plural عملاء; sub-customer عميل فرعي.' },
  { en: 'order', term: 'طلب', forms: ['طلب'], notIn: ['in order to'] },
  { en: 'sales channel', term: 'قناة البيع', forms: ['قناة البيع', 'قنوات البيع'] },
  { en: 'payment terms', term: 'شروط الدفع' },
  { en: 'watch list', term: 'قائمة المراقبة' },
  { en: 'address', term: 'عنوان', forms: ['عنوان', 'عناوين'] },
  { en: 'admin', term: 'الإدارة', forms: ['الإدارة'], note: 'The address role that receives copies of everything.' },
  { en: 'billing', term: 'الفوترة', forms: ['الفوترة', 'فواتير', 'فاتورة'], note: 'The address role that receives invoices.' },
  { en: 'delivery', term: 'التوصيل', forms: ['توصيل'], note: 'The address role; a delivery note is إشعار التوصيل.' },
  { en: 'note', term: 'ملاحظة', forms: ['ملاحظ'], notIn: ['delivery note', 'credit note'] },
  { en: 'credit note', term: 'إشعار دائن', forms: ['إشعار دائن', 'الإشعار الدائن'] },
  { en: 'credit limit', term: 'حد الائتمان' },
  { en: 'on hold', term: 'موقوف', forms: ['موقوف', 'إيقاف'] },
  { en: 'dispatch', term: 'الشحن', forms: ['شحن'] },
  { en: 'despatch', term: 'الشحن', forms: ['شحن'] },
  { en: 'attachment', term: 'مرفق', forms: ['مرفق'] },
  { en: 'agent', term: 'وكيل', forms: ['وكيل', 'وكلاء'] },
  { en: 'retailer', term: 'تاجر تجزئة', forms: ['تاجر تجزئة', 'تجار التجزئة'] },
  { en: 'price list', term: 'قائمة الأسعار' },
  { en: 'refund', term: 'استرداد', forms: ['استرد', 'مسترد'] },
  { en: 'invoice', term: 'فاتورة', forms: ['فاتورة', 'فواتير'] },
];

export default glossary;
