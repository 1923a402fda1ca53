/**
 * custom-elements.json against the real classes, in the browser: everything a host can set on an
 * element that the library registers is documented there, with its attribute, and every event the
 * element's code fires is declared with a detail type. (That the file is fresh, i.e. what the
 * analyzer makes of today's sources, is checked in Node: test/contract/manifest-fresh.test.ts.)
 */
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import {
  checkElement,
  dispatchedEvents,
  publicReactiveProperties,
  undeclaredEvents,
  type Manifest,
  type ReactiveClass,
} from './manifest-check.js';

// Record every tag that the library's registry module defines, as a page loading it would.
const defined = new Map<string, CustomElementConstructor>();
const originalDefine = customElements.define.bind(customElements);
customElements.define = (name, ctor, options) => {
  defined.set(name, ctor);
  originalDefine(name, ctor, options);
};
await import('../../src/components/define.js');
customElements.define = originalDefine;

const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;

describe('custom-elements.json', () => {
  it('covers every element that src/components/define.ts registers', () => {
    expect(defined.size, 'define.ts registered nothing').to.be.greaterThan(0);
    const problems = [...defined].flatMap(([tag, ctor]) => checkElement(manifest, tag, ctor as unknown as ReactiveClass));
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('declares every event that an element fires, with a detail type', async () => {
    const problems: string[] = [];
    let fired = 0;
    for (const tag of defined.keys()) {
      const mod = manifest.modules.find((m) => m.declarations?.some((d) => d.tagName === tag));
      if (!mod) continue; // reported by the test above
      // The dev server serves the module (compiled, string literals intact) at its source path.
      const source = await (await fetch(`/${mod.path}`)).text();
      fired += dispatchedEvents(source).length;
      problems.push(...undeclaredEvents(manifest, tag, source));
    }
    expect(fired, 'found no dispatched events at all: is the scan broken?').to.be.greaterThan(0);
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  describe('the check itself, on a synthetic class and manifest', () => {
    class SyntheticElement extends LitElement {
      static override properties = {
        documented: { type: String, attribute: 'documented-prop' },
        undocumented: { type: Number },
        noDescription: { type: Boolean, attribute: false },
        hidden: { state: true },
        _internal: {},
      };
    }
    customElements.define('synthetic-manifest-element', SyntheticElement);
    const ctor = SyntheticElement as unknown as ReactiveClass;
    const synthetic: Manifest = {
      modules: [
        {
          path: 'synthetic.ts',
          declarations: [
            {
              kind: 'class',
              name: 'SyntheticElement',
              tagName: 'synthetic-manifest-element',
              customElement: true,
              members: [
                { kind: 'field', name: 'documented', description: 'Has its entry.', attribute: 'documented-prop', type: { text: 'string' } },
                { kind: 'field', name: 'noDescription', description: '', type: { text: 'boolean' } },
              ],
              events: [{ name: 'synthetic-change', description: 'Changed.', type: { text: 'CustomEvent<SyntheticDetail>' } }],
            },
          ],
        },
      ],
    };

    it('counts public reactive properties only (no state, no underscore names)', () => {
      expect(publicReactiveProperties(ctor).map((p) => p.name).sort()).to.deep.equal(['documented', 'noDescription', 'undocumented']);
    });

    it('fails when a public property has no entry, or an entry without a description', () => {
      const problems = checkElement(synthetic, 'synthetic-manifest-element', ctor);
      expect(problems).to.deep.equal([
        '<synthetic-manifest-element>.undocumented: public reactive property missing from the manifest',
        '<synthetic-manifest-element>.noDescription: no description (add JSDoc)',
      ]);
    });

    it('fails when the attribute in the manifest is not the one the element observes', () => {
      const wrong = structuredClone(synthetic);
      wrong.modules[0]!.declarations![0]!.members![0]!.attribute = 'documented';
      expect(checkElement(wrong, 'synthetic-manifest-element', ctor)).to.include(
        '<synthetic-manifest-element>.documented: attribute is documented-prop on the page, documented in the manifest',
      );
    });

    it('fails when an element is missing altogether', () => {
      expect(checkElement(synthetic, 'other-element', ctor)).to.deep.equal(['<other-element> (SyntheticElement) is not in the manifest']);
    });

    it('fails when the code fires an event the manifest does not declare', () => {
      const source = `
        this.dispatchEvent(new CustomEvent("synthetic-change", { detail }));
        this.dispatchEvent(new CustomEvent('synthetic-undeclared', { bubbles: true }));`;
      expect(dispatchedEvents(source)).to.deep.equal(['synthetic-change', 'synthetic-undeclared']);
      expect(undeclaredEvents(synthetic, 'synthetic-manifest-element', source)).to.deep.equal([
        "<synthetic-manifest-element> fires 'synthetic-undeclared' but the manifest has no such event (add @fires)",
      ]);
    });
  });
});
