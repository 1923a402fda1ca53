/**
 * The address book's question before a single-holder role (admin, billing) moves from one address
 * to another: "Billing is now at Head office, 12 High Street, Leeds. Move it to this address?".
 *
 * A role is never moved silently. The question is asked before saving when the loaded addresses
 * show the holder, and again with the holder the server named when it refuses the write (409:
 * someone gave the role to another address meanwhile, or the holder is on another page). The
 * answer resolves a promise, so the save reads as one flow; the draft stays in the form whatever
 * the answer.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isConflictError } from '../../sdk/errors/index.js';
import type { Address, AddressRole, RoleHolder, RoleMoves } from '../../sdk/schemas.js';
import { SINGLE_HOLDER_ROLES } from '../../sdk/enums.js';
import { renderConfirmDialog } from '../shared/states.js';
import type { AddressBookMessageKey } from './address-book.messages.js';

type Text = (key: AddressBookMessageKey, params?: Record<string, string | number>) => string;

const ROLE_NAME: Record<AddressRole, AddressBookMessageKey> = { admin: 'roleAdmin', billing: 'roleBilling', delivery: 'roleDelivery' };

/**
 * The single-holder roles a write would give `address` (null: a new one) that it does not hold,
 * with the other loaded address that holds each. Roles whose holder is not loaded are left to the
 * server's 409.
 */
export function knownHolders(
  roles: readonly AddressRole[],
  address: Address | null,
  loaded: readonly Address[],
  summary: (a: Address) => string,
): RoleHolder[] {
  const holders: RoleHolder[] = [];
  for (const role of SINGLE_HOLDER_ROLES) {
    if (!roles.includes(role) || address?.roles.includes(role)) continue;
    const holder = loaded.find((a) => a.id !== address?.id && a.roles.includes(role));
    if (holder) holders.push({ role, addressId: holder.id, summary: summary(holder) });
  }
  return holders;
}

/** The `moveRoles` of a write the user agreed to: each role from the address they were shown. */
export function movesFor(holders: readonly RoleHolder[]): RoleMoves {
  const moves: RoleMoves = {};
  for (const h of holders) moves[h.role] = h.addressId;
  return moves;
}

/** Beside the Admin or Billing checkbox: "(now at Head office, 12 High Street, …)". */
export function renderHolder(holder: RoleHolder | undefined, text: Text): TemplateResult | typeof nothing {
  return holder ? html` <span class="holder" part="role-holder">(${text('roleHolder', { address: holder.summary })})</span>` : nothing;
}

export class RoleMoveQuestion implements ReactiveController {
  /** The holders the open question names; null while no question is open. */
  holders: readonly RoleHolder[] | null = null;
  private settle: ((move: boolean) => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly text: Text,
  ) {
    host.addController(this);
  }

  /** Asks whether to take the roles from their holders; true when the user says move. */
  ask(holders: readonly RoleHolder[]): Promise<boolean> {
    this.settle?.(false);
    this.holders = holders;
    this.host.requestUpdate();
    return new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  /**
   * Writes with the moves the user agreed to: asks first about the `known` holders, and again
   * about the holders a 409 names (given meanwhile, or not loaded), until the write is accepted or
   * the user says no (null: nothing written, nothing moved). Other errors are thrown.
   */
  async save<T>(
    known: readonly RoleHolder[],
    write: (moveRoles: RoleMoves | undefined) => Promise<T>,
    hooks: { busy(on: boolean): void; refused(): void },
  ): Promise<{ saved: T; moved: readonly RoleHolder[] } | null> {
    let moves = known;
    if (moves.length && !(await this.ask(moves))) return null;
    for (;;) {
      hooks.busy(true);
      try {
        return { saved: await write(moves.length ? movesFor(moves) : undefined), moved: moves };
      } catch (error) {
        if (!isConflictError(error) || !error.roleHolders?.length) throw error;
        hooks.busy(false);
        hooks.refused();
        if (!(await this.ask(error.roleHolders))) return null;
        moves = error.roleHolders;
      }
    }
  }

  /** Closes an open question as if the user said no (the host is leaving the form). */
  dismiss(): void {
    if (this.holders) this.answer(false);
  }

  hostUpdated(): void {
    const dialog = this.dialog;
    if (dialog && this.holders && !dialog.open) {
      dialog.showModal();
      // The safe answer has the focus: Enter or Space never moves a role by accident.
      dialog.querySelector<HTMLButtonElement>('[part~="confirm-cancel-button"]')?.focus();
    }
  }

  hostDisconnected(): void {
    this.dismiss();
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('.role-move dialog');
  }

  private answer(move: boolean): void {
    const settle = this.settle;
    this.settle = undefined;
    this.holders = null;
    if (this.dialog?.open) this.dialog.close();
    this.host.requestUpdate();
    settle?.(move);
  }

  /** "Billing is now at …. Admin is now at …. Only one address … Move it to this address?" */
  private question(holders: readonly RoleHolder[]): string {
    const held = holders.map((h) => this.text('moveHeld', { role: this.text(ROLE_NAME[h.role]), address: h.summary }));
    return [...held, this.text(holders.length === 1 ? 'moveQuestionOne' : 'moveQuestionMany')].join(' ');
  }

  render(): TemplateResult {
    const holders = this.holders;
    return html`<div class="role-move">
      ${renderConfirmDialog({
        open: holders !== null,
        title: this.text(holders && holders.length > 1 ? 'moveTitleMany' : 'moveTitleOne'),
        text: holders ? this.question(holders) : '',
        busy: false,
        confirmLabel: this.text('moveConfirm'),
        busyLabel: this.text('saving'),
        keepLabel: this.text('moveKeep'),
        onConfirm: () => this.answer(true),
        onKeep: () => this.answer(false),
        onCancel: (event) => {
          event.preventDefault();
          this.answer(false);
        },
        onClose: () => this.dismiss(),
      })}
    </div>`;
  }
}
