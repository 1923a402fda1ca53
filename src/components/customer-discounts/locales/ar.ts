import type { Catalogue } from '../../shared/i18n.js';
import type { DiscountsMessageKey } from '../customer-discounts.messages.js';

/** The texts of customer-discounts: Arabic (the glossary's words). */
export default {
  title: 'الخصومات التجارية',
  intro: 'يخصم إدخال الطلبات هذه الخصومات من قائمة الأسعار. والسعر الثابت لرمز الصنف مقدَّم على النسبة المئوية للمجموعة.',
  groups: 'حسب مجموعة المنتجات',
  prices: 'الأسعار الثابتة',
  group: 'مجموعة المنتجات',
  percent: 'الخصم (٪)',
  sku: 'رمز الصنف',
  price: 'سعر الوحدة (\u00a3، قبل ضريبة القيمة المضافة)',
  percentValue: 'خصم {percent}٪',
  noGroups: 'لا يوجد خصم حسب مجموعة المنتجات.',
  noPrices: 'لا توجد أسعار ثابتة.',
  edit: 'تعديل الخصومات',
  addGroup: 'إضافة خصم لمجموعة',
  addPrice: 'إضافة سعر ثابت',
  remove: 'إزالة',
  removeGroup: 'إزالة الخصم على {name}',
  removePrice: 'إزالة السعر الثابت لـ{sku}',
  percentInvalid: 'أدخل نسبة مئوية بين 0.01 و100.',
  priceInvalid: 'أدخل سعرًا مثل 12.50.',
  skuRequired: 'أدخل رمز الصنف.',
  duplicateGroup: 'لهذه المجموعة خصم بالفعل.',
  duplicateSku: 'لرمز الصنف هذا سعر بالفعل.',
  saved: 'تم حفظ الخصومات.',
  notSaved: 'لم تُحفظ الخصومات: {reason}',
  conflict: 'غيّر شخص آخر هذه الخصومات منذ أن فتحتها.',
  readOnly: 'يمكنك الاطلاع على هذه الخصومات؛ ويتطلب تغييرها صلاحية «تعديل الخصومات».',
  close: 'إغلاق',
  fixErrors: 'تحقّق من الحقول المعلَّمة أدناه.',
} satisfies Catalogue<DiscountsMessageKey>;
