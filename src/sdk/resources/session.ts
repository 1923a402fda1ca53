import type { Core } from '../core.js';
import type { Me, Reference } from '../schemas.js';
import { tags } from '../tags.js';
import type { ReadOptions } from './types.js';

export function meResource(core: Core) {
  return {
    /** The signed-in user and their capabilities (what they may change). */
    get(opts?: ReadOptions): Promise<Me> {
      return core.read('me.get', {}, undefined, [tags.me()], opts);
    },
  };
}

export function referenceResource(core: Core) {
  return {
    /**
     * Sales channels, payment terms, bank accounts, seasons, customer types, note kinds, countries.
     * `locale` (default: the client's) is sent as `Accept-Language`: the server names sales
     * channels, payment terms and seasons in that language where it can. Each locale is cached apart.
     */
    get(opts?: ReadOptions & { locale?: string | undefined }): Promise<Reference> {
      const { locale, ...read } = opts ?? {};
      return core.read('reference.get', {}, undefined, [tags.reference()], { ...read, language: locale });
    },
  };
}
