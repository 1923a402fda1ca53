import type { RoleHolder } from '../schemas.js';
import { CustomerElementsError, errorKind, type ErrorDetails } from './customer-elements-error.js';

/**
 * The change was refused because the data changed since it was read (412 on a stale `If-Match`)
 * or because the resource is in a state that forbids it (409, e.g. cancelling a dispatched order,
 * or giving an address the billing role another address holds: see `roleHolders`).
 */
export class ConflictError extends CustomerElementsError {
  declare readonly status: number;
  /** For a stale write: the version the server holds now. */
  readonly currentVersion?: number;
  /**
   * For a write that gives an address a single-holder role (admin, billing) another address holds:
   * who holds it. Ask the user, then write again with `moveRoles` naming these addresses.
   */
  readonly roleHolders?: readonly RoleHolder[];
  constructor(message: string, details: ErrorDetails & { status: number; currentVersion?: number; roleHolders?: readonly RoleHolder[] }) {
    super('conflict', message, details);
    this.name = 'ConflictError';
    if (details.currentVersion !== undefined) this.currentVersion = details.currentVersion;
    if (details.roleHolders?.length) this.roleHolders = details.roleHolders;
  }
}

export function isConflictError(value: unknown): value is ConflictError {
  return errorKind(value) === 'conflict';
}
