/**
 * What the Theming docs page lists, read from the sources themselves: the tokens from
 * src/themes/*.css and the parts and CSS properties from custom-elements.json.
 */
import tokensCss from '../src/themes/tokens.css?raw';
import lightCss from '../src/themes/light.css?raw';
import darkCss from '../src/themes/dark.css?raw';
import compactCss from '../src/themes/compact.css?raw';
import brandCss from './brand-theme.css?raw';
import { allDeclarations } from './support.js';

export interface Token {
  name: string;
  value: string;
  /** The comment heading the token's group in the file (`Palette`, `Space`…), if any. */
  group: string;
}

/** Every custom property a stylesheet declares, in order, with the group comment above it. */
export function parseTokens(css: string): Token[] {
  const tokens: Token[] = [];
  let group = '';
  for (const line of css.split('\n')) {
    const heading = /^\s*\/\*\s*([^*]+?)\s*\*\/\s*$/.exec(line);
    if (heading) group = heading[1]!;
    const declaration = /^\s*(--[\w-]+)\s*:\s*([^;]+);/.exec(line);
    if (declaration) tokens.push({ name: declaration[1]!, value: declaration[2]!.trim(), group });
  }
  return tokens;
}

export const themes = {
  tokens: parseTokens(tokensCss),
  light: parseTokens(lightCss),
  dark: parseTokens(darkCss),
  compact: parseTokens(compactCss),
};

/** The light and dark value of each semantic token, side by side. */
export function semanticTokens(): Array<{ name: string; light: string; dark: string }> {
  const dark = new Map(themes.dark.map((t) => [t.name, t.value]));
  return themes.light.map((t) => ({ name: t.name, light: t.value, dark: dark.get(t.name) ?? '' }));
}

/** Parts and CSS properties of every element, from the manifest. */
export function componentTheming(): Array<{
  tag: string;
  parts: Array<{ name: string; description: string }>;
  properties: Array<{ name: string; description: string }>;
}> {
  return allDeclarations().map((d) => ({
    tag: d.tagName ?? d.name,
    parts: (d.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
    properties: (d.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
  }));
}

/** The brand example's CSS, as shipped in stories/brand-theme.css. */
export const brandSource = brandCss;

/**
 * The brand stylesheet scoped to one container (`:root` → the container, part rules under it), so
 * a docs page can show it beside unbranded components. Custom properties inherit into shadow roots,
 * so scoping the tokens scopes the theme.
 */
export function scopedBrandCss(scope: string): string {
  return brandCss
    .replace(/:root/g, scope)
    .replace(/^([a-z][\w-]*-[\w-]*::part)/gm, `${scope} $1`);
}

/**
 * dark.css and compact.css for one region only (`.ce-theme-dark`, `.ce-density-compact`): the
 * shipped files also apply to `:root`, which would turn the whole page.
 */
export const regionCss = [darkCss, compactCss].map((css) => css.replace(/:root,\s*/g, '')).join('\n');
