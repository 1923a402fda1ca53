/**
 * One field of the add-customer form: label, control, hint, error and length counter, wired to
 * the form by its error key (`name`, `address.postcode`, `contacts.<row>.email`). The control's id
 * comes from the key, so the error summary can move the focus to it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { isOverLimit, limitDescribedBy, renderLimit } from '../shared/limits.js';
import { controlId, limitOf } from './draft.js';

/** What a field needs from the form. */
export interface FieldContext {
  readonly locale: string;
  /** The error shown at the field now, if any. */
  errorFor(key: string): string | undefined;
  /** The user typed or chose something. */
  onInput(key: string, value: string): void;
  /** The user left the field: its own check runs. */
  onBlur(key: string): void;
  optionalText: string;
}

export interface TextFieldOptions {
  key: string;
  label: string;
  value: string;
  optional?: boolean;
  hint?: string;
  type?: 'text' | 'email' | 'tel' | 'password';
  autocomplete?: string;
  /** Spans both columns of the grid. */
  wide?: boolean;
}

function describedBy(...ids: Array<string | undefined | false>): string | undefined {
  const list = ids.filter(Boolean).join(' ').trim();
  return list === '' ? undefined : list;
}

function labelOf(ctx: FieldContext, id: string, label: string, optional: boolean | undefined): TemplateResult {
  return html`<label class="ce-label" for=${id}>${label}${optional ? html` <span class="optional">${ctx.optionalText}</span>` : nothing}</label>`;
}

export function textField(ctx: FieldContext, o: TextFieldOptions): TemplateResult {
  const id = controlId(o.key);
  const error = ctx.errorFor(o.key);
  const limit = limitOf(o.key);
  const hintId = o.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return html`<div class="field ${o.wide ? 'wide' : ''}" part="field">
    ${labelOf(ctx, id, o.label, o.optional)}
    ${o.hint ? html`<p class="ce-hint" id=${hintId!}>${o.hint}</p>` : nothing}
    <input
      id=${id}
      class="ce-input"
      part="input"
      type=${o.type ?? 'text'}
      autocomplete=${o.autocomplete ?? 'off'}
      aria-required=${o.optional ? nothing : 'true'}
      aria-invalid=${error || isOverLimit(o.value, limit) ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(hintId, errorId, limitDescribedBy(id, o.value, limit)))}
      .value=${o.value}
      @input=${(e: Event) => ctx.onInput(o.key, (e.target as HTMLInputElement).value)}
      @blur=${() => ctx.onBlur(o.key)}
    />
    ${error ? html`<p class="ce-field-error" part="field-error" id=${errorId!}>${error}</p>` : nothing}
    ${renderLimit({ id, value: o.value, limit, locale: ctx.locale, label: o.label })}
  </div>`;
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldOptions {
  key: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  /** A first option with an empty value (e.g. "Choose a sales channel"). */
  placeholder?: string;
  optional?: boolean;
  hint?: TemplateResult | string;
  wide?: boolean;
}

export function selectField(ctx: FieldContext, o: SelectFieldOptions): TemplateResult {
  const id = controlId(o.key);
  const error = ctx.errorFor(o.key);
  const hintId = o.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return html`<div class="field ${o.wide ? 'wide' : ''}" part="field">
    ${labelOf(ctx, id, o.label, o.optional)}
    <select
      id=${id}
      class="ce-input"
      part="select"
      aria-required=${o.optional ? nothing : 'true'}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(hintId, errorId))}
      @change=${(e: Event) => ctx.onInput(o.key, (e.target as HTMLSelectElement).value)}
      @blur=${() => ctx.onBlur(o.key)}
    >
      ${o.placeholder !== undefined ? html`<option value="" ?selected=${o.value === ''}>${o.placeholder}</option>` : nothing}
      ${o.options.map((opt) => html`<option value=${opt.value} ?selected=${opt.value === o.value}>${opt.label}</option>`)}
    </select>
    ${o.hint ? html`<p class="ce-hint hint-after" id=${hintId!}>${o.hint}</p>` : nothing}
    ${error ? html`<p class="ce-field-error" part="field-error" id=${errorId!}>${error}</p>` : nothing}
  </div>`;
}

export function checkboxField(ctx: FieldContext, key: string, label: string, checked: boolean): TemplateResult {
  const id = controlId(key);
  return html`<div class="field checkbox" part="field">
    <input
      id=${id}
      type="checkbox"
      part="checkbox"
      .checked=${checked}
      @change=${(e: Event) => ctx.onInput(key, (e.target as HTMLInputElement).checked ? 'true' : '')}
    />
    <label for=${id}>${label}</label>
  </div>`;
}
