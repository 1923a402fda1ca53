/**
 * The rule that gives a new customer payment terms from its sales channel, shared by the
 * reference API (when a create leaves the terms out) and the add-customer form (which shows the
 * same default before anything is sent), so the two never disagree.
 *
 * Pure and dependency-free on purpose: it ships in the components' bundle.
 */
import type { PaymentTerms, SalesChannel } from './schemas.js';

/** The reference lists the rule reads. */
export interface TermsReference {
  salesChannels: readonly Pick<SalesChannel, 'id' | 'kind'>[];
  paymentTerms: readonly Pick<PaymentTerms, 'id' | 'kind' | 'blocksDispatchUntilPaid'>[];
}

/**
 * The payment terms a new customer of `salesChannelId` starts on:
 * - the trade channel: the first credit terms (trade customers buy on account);
 * - every other channel (marketplaces, website, till, direct): the first terms that hold orders
 *   until paid ("Full payment before despatch"), as CCP does for channel-created customers.
 * Falls back to the first terms in the list; undefined only when there are none or the channel is unknown.
 */
export function defaultPaymentTermsId(reference: TermsReference, salesChannelId: string): string | undefined {
  const channel = reference.salesChannels.find((c) => c.id === salesChannelId);
  if (!channel) return undefined;
  const terms = reference.paymentTerms;
  const preferred = channel.kind === 'trade'
    ? terms.find((t) => t.kind === 'credit')
    : terms.find((t) => t.kind === 'prepay' && t.blocksDispatchUntilPaid);
  return (preferred ?? terms[0])?.id;
}
