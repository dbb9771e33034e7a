import type { Method, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { CoreContext } from './context';

export type Handler<M extends Method> = (input: ParsedInputOf<M>, ctx: CoreContext) => Promise<OutputOf<M>>;

/** The handlers of one feature: exactly the contract's methods with that prefix, no more, no fewer. */
export type Handlers<Prefix extends string> = { [M in Method as M extends `${Prefix}${string}` ? M : never]: Handler<M> };
