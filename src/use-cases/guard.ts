/** Turns a HubSpot failure thrown anywhere in a use case into the contract's typed error result. */
import { failure, type Result } from '@goal-families/contract';
import { isGatewayError, toAppError } from '../gateway';

export async function guarded<T extends object>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (e) {
    if (isGatewayError(e)) {
      const { code, message, details } = toAppError(e);
      return failure(code, message, details);
    }
    throw e;
  }
}
