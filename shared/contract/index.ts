import type { z } from 'zod';
import { accountsCalls } from './accounts';
import { contactsCalls } from './contacts';
import { metricsCalls } from './metrics';
import { workspaceCalls } from './workspace';
import { guidesCalls } from './guides';
import { interviewsCalls } from './interviews';
import { actionsCalls } from './actions';
import { searchCalls } from './search';
import { workbookCalls } from './workbook';

/** Every call the renderer can make. Adding a call: add it to its feature file; main/api.ts then fails to compile until it is implemented. */
export const contract = {
  ...workspaceCalls,
  ...accountsCalls,
  ...contactsCalls,
  ...metricsCalls,
  ...guidesCalls,
  ...interviewsCalls,
  ...actionsCalls,
  ...searchCalls,
  ...workbookCalls,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<Contract[M]['input']>;
export type OutputOf<M extends Method> = NonNullable<Contract[M]['__output']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

type GroupOf<M extends string> = M extends `${infer G}.${string}` ? G : never;
export type Group = GroupOf<Method>;
type MethodsOf<G extends string> = Extract<Method, `${G}.${string}`>;
type ClientFn<M extends Method> = undefined extends InputOf<M>
  ? (input?: InputOf<M>) => Promise<OutputOf<M>>
  : (input: InputOf<M>) => Promise<OutputOf<M>>;

/** The client shape: api.accounts.list(input). */
export type Api = {
  [G in Group]: { [M in MethodsOf<G> as M extends `${G}.${infer N}` ? N : never]: ClientFn<M> };
};

/** Events pushed from the core to every window. */
export type CoreEvent =
  | { type: 'changed'; method: Method }
  | { type: 'workspace'; state: 'opened' | 'closed' }
  | { type: 'progress'; jobId: string; label: string; done: number; total: number | null };

export * from './errors';
export type * from './accounts';
export type * from './contacts';
export type * from './workspace';
export type * from './guides';
export type * from './interviews';
export type * from './actions';
export type * from './search';
export type * from './workbook';
export type { Page } from './common';
