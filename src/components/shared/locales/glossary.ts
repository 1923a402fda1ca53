/**
 * The shape of a language's glossary: the product's terms, each translated once. Translators read
 * the glossary before the catalogues; `test/components/glossary.test.ts` fails when a catalogue
 * message that uses an English term does not use the glossary's translation.
 *
 * Glossaries are for translators and tests: no component imports them, so they add nothing to a
 * bundle.
 */
export interface GlossaryEntry {
  /**
   * The English term as the English catalogue writes it, lower case; matched as whole words in any
   * case, with a plural `s`, and with a hyphen or a space between its words (`watch list`,
   * `watch-list`).
   */
  en: string;
  /** The one translation. */
  term: string;
  /**
   * How the translation appears inflected or inside compounds, as case-insensitive pieces a
   * translated message must contain one of (German `Kunde` in `Kundendaten`, Arabic `عميل` in
   * `للعميل`). Defaults to `[term]`. Arabic is compared without its short-vowel marks.
   */
  forms?: readonly string[];
  /** English phrases that contain the term but are another term (`delivery note` is not `delivery`). */
  notIn?: readonly string[];
  /** What the term means here, for translators. */
  note?: string;
}

export type Glossary = readonly GlossaryEntry[];
