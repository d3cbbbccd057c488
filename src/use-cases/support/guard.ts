/** Turns an edge failure thrown anywhere in a use case into the contract's typed error result. */
import { failure, type Result } from '@goal-families/contract';
import { isEdgeFailure } from '../ports';

export async function guarded<T extends object>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (e) {
    if (isEdgeFailure(e)) {
      const { code, message, details } = e.appError;
      return failure(code, message, details);
    }
    throw e;
  }
}
