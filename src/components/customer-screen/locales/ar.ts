/** The customer screen's texts in Arabic. */
import type { Catalogue } from '../../shared/i18n.js';
import type { ScreenMessageKey } from '../customer-screen.messages.js';

const ar: Catalogue<ScreenMessageKey> = {
  screenLabel: 'العميل {name}',
  screenLabelLoading: 'العميل',
  onHold: 'الحساب موقوف',
  tradingAs: 'يعمل تجاريًا باسم {name}',
  discounts: 'الخصومات',
  sectionDetails: 'بيانات العميل',
  sectionOrders: 'أحدث الطلبات',
  sectionNotes: 'الملاحظات',
  sectionAddresses: 'العناوين',
  sectionAttachments: 'المرفقات',
  sectionsLabel: 'أقسام العميل',
};

export default ar;
