/**
 * One word, one translation: for each language's glossary, every catalogue message whose English
 * uses a glossary term must use the glossary's translation of it (in one of its inflected forms).
 * "Sales channel" cannot be "Verkaufskanal" in the card and "Vertriebskanal" in the order table.
 */
import { expect } from '@open-wc/testing';
import { createMessages, en as sharedEn } from '../../src/components/shared/i18n.js';
import sharedDe from '../../src/components/shared/locales/de.js';
import sharedAr from '../../src/components/shared/locales/ar.js';
import glossaryAr from '../../src/components/shared/locales/glossary.ar.js';
import glossaryDe from '../../src/components/shared/locales/glossary.de.js';
import type { Glossary, GlossaryEntry } from '../../src/components/shared/locales/glossary.js';
import { addressMessage } from '../../src/components/address-book/address-book.messages.js';
import { attachmentsMessage } from '../../src/components/customer-attachments/customer-attachments.messages.js';
import { cardMessage } from '../../src/components/customer-card/customer-card.messages.js';
import { screenMessage } from '../../src/components/customer-screen/customer-screen.messages.js';
import { searchMessage } from '../../src/components/customer-search/customer-search.messages.js';
import { notesMessage } from '../../src/components/notes-panel/notes-panel.messages.js';
import { orderMessages } from '../../src/components/order-table/order-table.messages.js';
import { badgeMessages } from '../../src/components/watch-list-badge/watch-list-badge.messages.js';

type Catalogues = Record<string, Record<string, string | undefined> | undefined>;

const CATALOGUES: Record<string, Catalogues> = {
  shared: createMessages({ en: sharedEn, de: sharedDe, ar: sharedAr }).catalogues,
  'address-book': addressMessage.catalogues,
  'customer-attachments': attachmentsMessage.catalogues,
  'customer-card': cardMessage.catalogues,
  'customer-screen': screenMessage.catalogues,
  'customer-search': searchMessage.catalogues,
  'notes-panel': notesMessage.catalogues,
  'order-table': orderMessages.catalogues,
  'watch-list-badge': badgeMessages.catalogues,
};

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

describe('Arabic is complete', () => {
  it('every English text of every catalogue has its Arabic', () => {
    const missing = Object.entries(CATALOGUES).flatMap(([name, c]) =>
      Object.keys(c['en']!).filter((key) => !c['ar']?.[key]).map((key) => `${name} ${key}`),
    );
    expect(missing, 'keys with no Arabic').to.deep.equal([]);
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
