import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '../../common/errors/domain.error';
import { SavedScenarioEntity } from '../entities/saved-scenario.entity';
import type { ScenarioSpec } from '../simulation.types';
import { normalizeScenario } from '../utils/validate-scenario.util';

/** Named scenarios a finance team reruns (e.g. "Q1 plan" after each rate card update). */
@Injectable()
export class SavedScenariosService {
  constructor(
    @InjectRepository(SavedScenarioEntity)
    private readonly repository: Repository<SavedScenarioEntity>,
  ) {}

  /** Validates and stores (or replaces) a scenario under its name. */
  async save(spec: ScenarioSpec): Promise<SavedScenarioEntity> {
    if (spec.savedName) {
      throw new DomainError('BAD_USER_INPUT', 'a saved scenario cannot itself reference savedName');
    }
    const normalized = normalizeScenario(spec);
    const now = new Date();
    const existing = await this.repository.findOneBy({ name: normalized.name });
    const definition = withoutEmptyFields({ ...spec, name: normalized.name });
    return this.repository.save(
      this.repository.create({
        name: normalized.name,
        scenario: definition,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      }),
    );
  }

  async list(): Promise<SavedScenarioEntity[]> {
    return this.repository.find({ order: { name: 'ASC' } });
  }

  async get(name: string): Promise<ScenarioSpec> {
    const found = await this.repository.findOneBy({ name: name.trim() });
    if (!found) throw new DomainError('NOT_FOUND', `no saved scenario named "${name}"`);
    return found.scenario as ScenarioSpec;
  }

  async delete(name: string): Promise<boolean> {
    const result = await this.repository.delete({ name: name.trim() });
    return (result.affected ?? 0) > 0;
  }
}

function withoutEmptyFields(spec: ScenarioSpec): ScenarioSpec {
  return JSON.parse(
    JSON.stringify(spec, (_key, value: unknown) => (value === null ? undefined : value)),
  ) as ScenarioSpec;
}
