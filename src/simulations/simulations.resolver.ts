import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { ForecastInput, ScenarioInput, SimulationInput } from './dtos/inputs/simulation.input';
import { Forecast, SavedScenario, Simulation } from './dtos/outputs/simulation.output';
import type { SavedScenarioEntity } from './entities/saved-scenario.entity';
import { ForecastService } from './services/forecast.service';
import { SavedScenariosService } from './services/saved-scenarios.service';
import { SimulationService } from './services/simulation.service';
import { toScenarioSpec, toSimulationSpec } from './utils/to-scenario-spec.util';

@Resolver()
export class SimulationsResolver {
  constructor(
    private readonly simulations: SimulationService,
    private readonly saved: SavedScenariosService,
    private readonly forecasts: ForecastService,
  ) {}

  @Query(() => Simulation, {
    description:
      'Prices scenarios side by side with the charging engine; deltas against the baseline scenario.',
  })
  @RequireRole('finance')
  async simulate(@Args('input') input: SimulationInput): Promise<Simulation> {
    return asGraphql<Simulation>(await this.simulations.simulate(toSimulationSpec(input)));
  }

  @Query(() => Simulation, { description: 'Re-runs saved scenarios by name.' })
  @RequireRole('finance')
  async runSavedScenarios(
    @Args('names', { type: () => [String] }) names: string[],
    @Args('baseline', { type: () => String, nullable: true }) baseline?: string | null,
  ): Promise<Simulation> {
    return asGraphql<Simulation>(
      await this.simulations.simulate({
        scenarios: names.map((name) => ({ name, savedName: name })),
        baseline: baseline ?? null,
      }),
    );
  }

  @Query(() => [SavedScenario])
  @RequireRole('finance')
  async savedScenarios(): Promise<SavedScenario[]> {
    return (await this.saved.list()).map(toSavedScenario);
  }

  @Query(() => Forecast, {
    description:
      "Next month's cost of a WABA from its last months' recorded traffic, under the card and regime in force then.",
  })
  @RequireRole('finance')
  async forecast(@Args('input') input: ForecastInput): Promise<Forecast> {
    return asGraphql<Forecast>(await this.forecasts.forecast(input));
  }

  @Mutation(() => SavedScenario, { description: 'Stores (or replaces) a scenario under its name.' })
  @RequireRole('operator')
  async saveScenario(@Args('input') input: ScenarioInput): Promise<SavedScenario> {
    return toSavedScenario(await this.saved.save(toScenarioSpec(input)));
  }

  @Mutation(() => Boolean, { description: 'True when a saved scenario of that name was deleted.' })
  @RequireRole('operator')
  deleteScenario(@Args('name') name: string): Promise<boolean> {
    return this.saved.delete(name);
  }
}

function toSavedScenario(entity: SavedScenarioEntity): SavedScenario {
  return {
    name: entity.name,
    scenario: JSON.stringify(entity.scenario),
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

/** The results use the string unions of pricing.types.ts, whose values equal the GraphQL enums. */
function asGraphql<T>(value: unknown): T {
  return value as T;
}
