import type { z } from 'zod';

/** One callable of the contract: a zod schema for its input and, as a phantom type, its output. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly __output?: O;
  /** Mutations are announced to other windows so their views refresh. */
  readonly mutates: boolean;
}

export function query<I extends z.ZodType>(input: I) {
  return { returns: <O>(): CallSpec<I, O> => ({ input, mutates: false }) };
}

export function mutation<I extends z.ZodType>(input: I) {
  return { returns: <O>(): CallSpec<I, O> => ({ input, mutates: true }) };
}
