// The two functions of react-dom/client that test/components/react.test.ts uses. The repository
// has no @types/react-dom (the library never imports react-dom; only this test renders).
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';

  export interface Root {
    render(children: ReactNode): void;
    unmount(): void;
  }
  export function createRoot(container: Element | DocumentFragment): Root;
}
