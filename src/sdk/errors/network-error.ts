import { CustomerElementsError, errorKind, type ErrorDetails } from './customer-elements-error.js';

/** The request never got a response: the network is down, DNS failed, the server refused it, CORS… */
export class NetworkError extends CustomerElementsError {
  constructor(message = 'The server could not be reached. Check the connection and try again.', details: ErrorDetails = {}) {
    super('network', message, details);
    this.name = 'NetworkError';
  }
}

export function isNetworkError(value: unknown): value is NetworkError {
  return errorKind(value) === 'network';
}
