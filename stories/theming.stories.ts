import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StoryLoaded } from './support.js';
import { regionCss, scopedBrandCss } from './theming.js';

/**
 * Live theming examples for the Theming page: the same components under the shipped theme and
 * under the example brand (tokens and ::part() only, scoped to a container).
 */
const meta: Meta = {
  title: 'Docs/Theming examples',
  tags: ['!autodocs'],
  parameters: { layout: 'padded', customer: 'watchListed' },
};
export default meta;
type Story = StoryObj;

const brandSheet = new CSSStyleSheet();
brandSheet.replaceSync(`${scopedBrandCss('.ce-brand-example')}
${regionCss}
.ce-example { display: block; padding: 1rem; background: var(--ce-color-surface); color: var(--ce-color-text); }`);
if (!document.adoptedStyleSheets.includes(brandSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, brandSheet];

/** The example brand: semantic tokens (colour, radii, type), two component tokens and a few ::part() rules. */
export const BrandExample: Story = {
  render: (_args, context) => {
    const { customerId } = context.loaded as StoryLoaded;
    return html`<div class="ce-example ce-brand-example">
      <customer-card customer-id=${customerId ?? ''}></customer-card>
    </div>`;
  },
};

/** The dark theme on one part of a light page (`.ce-theme-dark`), with compact density (`.ce-density-compact`). */
export const DarkCompactRegion: Story = {
  render: (_args, context) => {
    const { customerId } = context.loaded as StoryLoaded;
    return html`<div class="ce-example ce-theme-dark ce-density-compact">
      <notes-panel customer-id=${customerId ?? ''}></notes-panel>
    </div>`;
  },
};
