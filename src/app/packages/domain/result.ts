/** A result value: domain functions return errors as data instead of throwing. */
export type DomainError = {
  /** Stable machine-readable code, e.g. `NEGATIVE_REMAINDER`. */
  code: string;
  /** Plain words for a person. */
  message: string;
};

export type DomainResult<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): DomainResult<T> => ({ ok: true, value });
export const err = <T = never>(code: string, message: string): DomainResult<T> => ({
  ok: false,
  error: { code, message },
});
