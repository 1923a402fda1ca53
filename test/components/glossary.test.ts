/**
 * One word, one translation: for each language's glossary, every catalogue message whose English
 * uses a glossary term must use the glossary's translation of it (in one of its inflected forms).
 * "Sales channel" cannot be "Verkaufskanal" in the card and "Vertriebskanal" in the order table.
 */
import { expect } from '@open-wc/testing';
import glossaryAr from '../../src/components/shared/locales/glossary.ar.js';
import glossaryDe from '../../src/components/shared/locales/glossary.de.js';
import type { Glossary, GlossaryEntry } from '../../src/components/shared/locales/glossary.js';
import { allCatalogues, type Languages } from './catalogues.helpers.js';

/** Every catalogue by name, every language loaded (before the tests run). */
let CATALOGUES: Record<string, Languages> = {};

before(async () => {
  CATALOGUES = await allCatalogues();
});

/** Without Arabic short vowels and shadda (ُ in شُحن), lower case. */
const normal = (s: string) => s.replace(/[\u064B-\u0652\u0670\u0640]/g, '').toLowerCase();

function englishPattern(entry: GlossaryEntry): RegExp {
  const words = entry.en.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![A-Za-z])${words.join('[ -]')}s?(?![A-Za-z])`, 'i');
}

/** Messages whose English uses a glossary term but whose translation does not use the glossary's word. */
function violations(lang: string, glossary: Glossary): string[] {
  const out: string[] = [];
  for (const [name, catalogues] of Object.entries(CATALOGUES)) {
    const en = catalogues['en']!;
    const own = catalogues[lang] ?? {};
    for (const [key, translated] of Object.entries(own)) {
      // A plural form's English is its `_other` message.
      const english = en[key] ?? en[key.replace(/_(zero|one|two|few|many)$/, '_other')];
      if (!english || !translated) continue;
      const plain = english.replace(/\{\w+\}/g, ' ');
      for (const entry of glossary) {
        let text = plain;
        for (const phrase of entry.notIn ?? []) text = text.replace(new RegExp(phrase, 'gi'), ' ');
        if (!englishPattern(entry).test(text)) continue;
        const forms = (entry.forms ?? [entry.term]).map(normal);
        if (!forms.some((f) => normal(translated).includes(f))) {
          out.push(`${name} ${key}: "${english}" uses "${entry.en}", but ${lang} "${translated}" does not say "${entry.term}"`);
        }
      }
    }
  }
  return out;
}

const PLURAL_FORM = /_(zero|one|two|few|many|other)$/;

/**
 * What `lang` lacks in one catalogue: every English key except plural forms, and for each plural
 * message (`count_other`) every plural category the language itself uses (Arabic six, German two).
 */
function missingKeys(languages: Languages, lang: string): string[] {
  const en = languages['en']!;
  const own = languages[lang] ?? {};
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const wanted = new Set<string>();
  for (const key of Object.keys(en)) {
    if (!PLURAL_FORM.test(key)) wanted.add(key);
    else for (const category of categories) wanted.add(key.replace(PLURAL_FORM, `_${category}`));
  }
  return [...wanted].filter((key) => !own[key]?.trim());
}

describe('every language is complete', () => {
  it('the catalogues of every component entry are found (a new component is checked too)', () => {
    expect(Object.keys(CATALOGUES)).to.include.members(['shared', 'customer-card', 'notes-panel', 'order-table']);
    for (const [name, languages] of Object.entries(CATALOGUES)) {
      expect(Object.keys(languages), `${name}'s languages`).to.include.members(['en', 'de', 'ar']);
    }
  });

  for (const lang of ['de', 'ar']) {
    it(`${lang} has a text for every English key of every catalogue, and every plural form ${lang} uses`, () => {
      const missing = Object.entries(CATALOGUES).flatMap(([name, languages]) => missingKeys(languages, lang).map((key) => `${name} ${key}`));
      expect(missing, `${missing.length} key(s) with no ${lang}:\n  ${missing.join('\n  ')}\n`).to.deep.equal([]);
    });
  }

  it('fails on a key that a language lacks (the check can fail)', () => {
    const card = CATALOGUES['customer-card']!;
    const saved = card['ar']!['field.eori'];
    delete card['ar']!['field.eori'];
    try {
      expect(missingKeys(card, 'ar')).to.include('field.eori');
      // Arabic has six plural forms: a plural message with only `_other` lacks five.
      expect(missingKeys({ en: { n_one: '1 x', n_other: '{count} x' }, ar: { n_other: 'x' } }, 'ar')).to.have.members(['n_zero', 'n_one', 'n_two', 'n_few', 'n_many']);
    } finally {
      card['ar']!['field.eori'] = saved;
    }
  });
});

describe('glossaries: a term is translated one way', () => {
  for (const [lang, glossary] of [['de', glossaryDe], ['ar', glossaryAr]] as const) {
    it(`${lang}: every message that uses a glossary term uses its translation`, () => {
      const found = violations(lang, glossary);
      expect(found, `${found.length} message(s) translate a glossary term another way:\n  ${found.join('\n  ')}\n`).to.deep.equal([]);
    });
  }

  it('fails on a term translated two ways (the check can fail)', () => {
    const saved = CATALOGUES['customer-card']!['de']!['field.salesChannelId'];
    CATALOGUES['customer-card']!['de']!['field.salesChannelId'] = 'Verkaufskanal';
    try {
      expect(violations('de', glossaryDe).some((v) => v.includes('field.salesChannelId'))).to.equal(true);
    } finally {
      CATALOGUES['customer-card']!['de']!['field.salesChannelId'] = saved;
    }
  });
});
