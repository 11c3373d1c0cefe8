import type { ScenarioInput, SimulationInput } from '../dtos/inputs/simulation.input';
import type { ScenarioSpec, SimulationSpec } from '../simulation.types';

/** A GraphQL ScenarioInput as a plain, JSON-safe scenario (instants as ISO strings). */
export function toScenarioSpec(input: ScenarioInput): ScenarioSpec {
  const { authInternationalStarts, volumes, ...rest } = input;
  return {
    ...rest,
    volumes: volumes?.map((volume) => ({ ...volume })) ?? null,
    authInternationalStarts:
      authInternationalStarts?.map((start) => ({
        country: start.country,
        startsAt: new Date(start.startsAt).toISOString(),
      })) ?? null,
  };
}

export function toSimulationSpec(input: SimulationInput): SimulationSpec {
  return { scenarios: input.scenarios.map(toScenarioSpec), baseline: input.baseline ?? null };
}
