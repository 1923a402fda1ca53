import type { ReactiveControllerHost } from 'lit';
import type { Client } from '../../sdk/index.js';
import { tags } from '../../sdk/index.js';
import type { Reference } from '../../sdk/schemas.js';
import { ResourceController } from './resource.js';

/**
 * The reference lists in the host's locale: the SDK sends it as `Accept-Language`, so sales
 * channels, payment terms and seasons read in the user's language where the server has them.
 * A change of locale loads that language's lists (each is cached apart) and keeps showing the
 * previous ones meanwhile, so nothing flashes.
 */
export function referenceController(
  host: ReactiveControllerHost & { readonly api: Client | undefined; readonly resolvedLocale: string },
): ResourceController<Reference, readonly [string]> {
  return new ResourceController(host, {
    args: () => [host.resolvedLocale] as const,
    load: ([locale], signal, client) => client.reference.get({ signal, locale }),
    tags: () => [tags.reference()],
    keepValueOnArgsChange: true,
  });
}
