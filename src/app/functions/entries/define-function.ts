/**
 * The composition root of every app function, the one wrapper each generated entry uses: validate
 * `context.parameters` with the uid's zod schema, build the invocation's dependencies from the
 * environment (the HubSpot gateway fills the use cases' port here), run the use case, and return a
 * JSON-safe result. It never throws: bad input is a VALIDATION_ERROR, a bug an INTERNAL_ERROR.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { type FunctionResult, type FunctionUid, failure, functionContracts } from '@goal-families/contract';
import { parseInstant, READ_PROPERTIES } from '@goal-families/domain';
import { createGatewayFromEnv, simulatedTime } from '../../../gateway';
import { type GoalTargetsGateway, type UseCase, type UseCaseDeps, useCases } from '../../../use-cases';

type Env = Record<string, string | undefined>;
export type FunctionContext = { parameters?: unknown; [key: string]: unknown };

/** What makes a new slice unique within a family: its group and its start instant. */
export const sliceKey = (p: Record<string, string | null | undefined>) =>
  `${p.hs_goal_target_group_id ?? ''}|${parseInstant(p.hs_start_datetime ?? '') ?? ''}`;

export function depsFromEnv(env: Env): UseCaseDeps {
  // Development and tests only: shortens retry waits (the emulator's fault storms).
  const base = Number(env.GOAL_FAMILIES_RETRY_BASE_DELAY_MS);
  // Development and tests only: a shorter invocation time limit (deadline and interrupted-change tests).
  const limit = Number(env.GOAL_FAMILIES_TIME_LIMIT_MS);
  // Benchmarks only: a virtual clock installed by `bench/` (see simulated-time.ts); undefined in production.
  const sim = simulatedTime();
  // The HubSpot gateway fills the use cases' port: the compiler checks the fit here, where they meet.
  const gateway: GoalTargetsGateway = createGatewayFromEnv(env, {
    readProperties: READ_PROPERTIES,
    sliceKey,
    ...(sim ? { now: sim.now } : {}),
    retry: {
      ...(Number.isFinite(base) && base >= 0 ? { baseDelayMs: base, maxDelayMs: Math.max(base * 8, 1) } : {}),
      ...(sim ? { sleep: sim.sleep, random: sim.random } : {}),
    },
  });
  const now = sim?.now ?? Date.now;
  return {
    gateway,
    now,
    newUuid: randomUUID,
    newGroupId: () => String(randomInt(1, 2 ** 47)),
    startedAt: now(),
    ...(Number.isFinite(limit) && limit > 0 ? { timeLimitMs: limit } : {}),
  };
}

export async function runFunction<U extends FunctionUid>(
  uid: U,
  parameters: unknown,
  env: Env,
  run: UseCase<U> = useCases[uid] as UseCase<U>,
): Promise<FunctionResult<U>> {
  try {
    const parsed = functionContracts[uid].params.safeParse(parameters ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: i.path.map(String),
        code: i.code,
        message: i.message,
      }));
      return failure(
        'VALIDATION_ERROR',
        `Invalid parameters for ${uid}: ${issues[0]?.message ?? 'invalid'}`,
        { issues },
      );
    }
    const deps = depsFromEnv(env);
    // biome-ignore lint/suspicious/noExplicitAny: the params type is the uid's, narrowed by `functionContracts[uid]`
    const result = await run(deps, parsed.data as any);
    const calls = deps.gateway.calls.total();
    // Round-trip to JSON: what the runner hands the card is exactly what tests see.
    return JSON.parse(JSON.stringify({ ...result, meta: { apiCalls: calls } }));
  } catch (e) {
    console.error(`[${uid}] unexpected error`, e);
    return failure(
      'INTERNAL_ERROR',
      'Something went wrong in the app; nothing more is known. It was logged.',
    ) as FunctionResult<U>;
  }
}

/** `exports.main` of a bundled app function. */
export function defineFunction<U extends FunctionUid>(uid: U, run?: UseCase<U>) {
  return (context: FunctionContext = {}) => runFunction(uid, context?.parameters, process.env, run);
}
