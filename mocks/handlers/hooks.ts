/**
 * A module-level listener for every response the mock API gives (through `setupMockApi` in Node
 * and through the HTTP server), e.g. to validate each one against the OpenAPI document in a test
 * setup file. Responses carrying `x-mock-scenario: malformed` are deliberately invalid.
 */

export interface MockResponseEvent {
  /** The contract route id, e.g. `customers.get`. */
  routeId: string;
  request: Request;
  /** A clone of the response: read it freely. */
  response: Response;
}

export type MockResponseListener = (event: MockResponseEvent) => void;

const listeners = new Set<MockResponseListener>();

/** Listen to every mock response; returns the function that stops listening. */
export function onMockResponse(listener: MockResponseListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Give each listener its own clone. A listener that throws is reported, never breaks the response. */
export function emitMockResponse(event: MockResponseEvent): void {
  for (const listener of listeners) {
    try {
      listener({ ...event, response: event.response.clone() });
    } catch (error) {
      console.error(`[customer-elements mocks] onMockResponse listener failed for ${event.routeId}:`, error);
    }
  }
}
