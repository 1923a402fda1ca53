/** The reference lists served at `/reference`: fixed, the same for every seed. */
import type { Reference } from '../../src/sdk/schemas.js';

export const CHANNEL = {
  direct: 'sc_direct',
  website: 'sc_website',
  amazon: 'sc_amazon',
  ebay: 'sc_ebay',
  epos: 'sc_epos',
  trade: 'sc_trade',
} as const;

export const TERMS = {
  fullPayment: 'pt_full_payment',
  proForma: 'pt_pro_forma',
  days7: 'pt_7_days',
  eom30: 'pt_30_eom',
  days60: 'pt_60_days',
} as const;

export const BANK = { main: 'bnk_barclays_main', euro: 'bnk_hsbc_euro', trade: 'bnk_lloyds_trade' } as const;

export const SEASON = { ss27: 'ssn_ss27_preorder', aw27: 'ssn_aw27_future', christmas: 'ssn_xmas26_preorder' } as const;

export function buildReference(): Reference {
  return {
    salesChannels: [
      { id: CHANNEL.direct, name: 'Direct', kind: 'manual', priceList: 'Retail' },
      { id: CHANNEL.website, name: 'Website', kind: 'website', priceList: 'Retail' },
      { id: CHANNEL.amazon, name: 'Amazon UK', kind: 'amazon', priceList: 'Amazon' },
      { id: CHANNEL.ebay, name: 'eBay UK', kind: 'ebay', priceList: 'eBay' },
      { id: CHANNEL.epos, name: 'EPOS till', kind: 'epos', priceList: 'Retail' },
      { id: CHANNEL.trade, name: 'Trade portal', kind: 'trade', priceList: 'Trade' },
    ],
    paymentTerms: [
      { id: TERMS.fullPayment, name: 'Full payment before despatch', kind: 'prepay', days: null, blocksDispatchUntilPaid: true },
      { id: TERMS.proForma, name: 'Pro forma', kind: 'prepay', days: null, blocksDispatchUntilPaid: true },
      { id: TERMS.days7, name: '7 days', kind: 'credit', days: 7, blocksDispatchUntilPaid: false },
      { id: TERMS.eom30, name: '30 days end of month', kind: 'credit', days: 30, blocksDispatchUntilPaid: false },
      { id: TERMS.days60, name: '60 days', kind: 'credit', days: 60, blocksDispatchUntilPaid: false },
    ],
    bankAccounts: [
      { id: BANK.main, name: 'Barclays current account', sortCode: '20-00-00', accountNumberLast4: '4821' },
      { id: BANK.trade, name: 'Lloyds trade receipts', sortCode: '30-00-00', accountNumberLast4: '0937' },
      { id: BANK.euro, name: 'HSBC euro account', sortCode: '40-00-00', accountNumberLast4: '7710' },
    ],
    seasons: [
      { id: SEASON.christmas, name: 'Christmas 2026 pre-orders', kind: 'pre-order', startsOn: '2026-09-01', endsOn: '2026-12-24' },
      { id: SEASON.ss27, name: 'Spring/Summer 2027 pre-orders', kind: 'pre-order', startsOn: '2027-02-01', endsOn: '2027-07-31' },
      { id: SEASON.aw27, name: 'Autumn/Winter 2027', kind: 'future', startsOn: '2027-08-01', endsOn: '2028-01-31' },
    ],
    customerTypes: [
      { id: 'public', name: 'Public', trade: false },
      { id: 'retailer', name: 'Retailer', trade: true },
      { id: 'agent', name: 'Agent', trade: true },
    ],
    noteKinds: ['general', 'call', 'email', 'meeting'],
    countries: [
      { code: 'GB', name: 'United Kingdom', postcodeRequired: true },
      { code: 'IE', name: 'Ireland', postcodeRequired: false },
      { code: 'FR', name: 'France', postcodeRequired: true },
      { code: 'DE', name: 'Germany', postcodeRequired: true },
      { code: 'NL', name: 'Netherlands', postcodeRequired: true },
      { code: 'ES', name: 'Spain', postcodeRequired: true },
      { code: 'IT', name: 'Italy', postcodeRequired: true },
      { code: 'BE', name: 'Belgium', postcodeRequired: true },
      { code: 'US', name: 'United States', postcodeRequired: true },
      { code: 'CA', name: 'Canada', postcodeRequired: true },
      { code: 'AU', name: 'Australia', postcodeRequired: true },
      { code: 'AE', name: 'United Arab Emirates', postcodeRequired: false },
      { code: 'HK', name: 'Hong Kong', postcodeRequired: false },
      { code: 'JE', name: 'Jersey', postcodeRequired: true },
    ],
  };
}

/** A language the reference lists are served in (see `REFERENCE_LANGUAGES` in the contract). */
export type ReferenceLanguage = 'en' | 'de' | 'ar';

/**
 * The names of the translated lists, by id, in each language besides English (the data's own).
 * Ids, kinds, dates and price lists stay as they are: only what a person reads changes.
 */
const NAMES: Record<Exclude<ReferenceLanguage, 'en'>, Record<string, string>> = {
  de: {
    [CHANNEL.direct]: 'Direktverkauf',
    [CHANNEL.website]: 'Website',
    [CHANNEL.amazon]: 'Amazon UK',
    [CHANNEL.ebay]: 'eBay UK',
    [CHANNEL.epos]: 'Ladenkasse',
    [CHANNEL.trade]: 'Händlerportal',
    [TERMS.fullPayment]: 'Vollständige Zahlung vor Versand',
    [TERMS.proForma]: 'Vorauskasse per Proformarechnung',
    [TERMS.days7]: '7 Tage',
    [TERMS.eom30]: '30 Tage zum Monatsende',
    [TERMS.days60]: '60 Tage',
    [SEASON.christmas]: 'Vorbestellungen Weihnachten 2026',
    [SEASON.ss27]: 'Vorbestellungen Frühjahr/Sommer 2027',
    [SEASON.aw27]: 'Herbst/Winter 2027',
  },
  ar: {
    [CHANNEL.direct]: 'بيع مباشر',
    [CHANNEL.website]: 'الموقع الإلكتروني',
    [CHANNEL.amazon]: 'أمازون المملكة المتحدة',
    [CHANNEL.ebay]: 'إيباي المملكة المتحدة',
    [CHANNEL.epos]: 'نقطة البيع في المتجر',
    [CHANNEL.trade]: 'بوابة التجار',
    [TERMS.fullPayment]: 'الدفع الكامل قبل الشحن',
    [TERMS.proForma]: 'دفع مسبق بفاتورة مبدئية',
    [TERMS.days7]: '7 أيام',
    [TERMS.eom30]: '30 يومًا من نهاية الشهر',
    [TERMS.days60]: '60 يومًا',
    [SEASON.christmas]: 'طلبات مسبقة لعيد الميلاد 2026',
    [SEASON.ss27]: 'طلبات مسبقة لربيع وصيف 2027',
    [SEASON.aw27]: 'خريف وشتاء 2027',
  },
};

/** The reference lists with sales channels, payment terms and seasons named in `language`. */
export function localizeReference(reference: Reference, language: ReferenceLanguage): Reference {
  if (language === 'en') return reference;
  const names = NAMES[language];
  const named = <T extends { id: string; name: string }>(item: T): T => ({ ...item, name: names[item.id] ?? item.name });
  return {
    ...reference,
    salesChannels: reference.salesChannels.map(named),
    paymentTerms: reference.paymentTerms.map(named),
    seasons: reference.seasons.map(named),
  };
}
