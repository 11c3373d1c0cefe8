import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { EligibilityInput } from './dtos/inputs/eligibility.input';
import { Eligibility } from './dtos/outputs/eligibility.output';
import { CoexistenceEligibilityService } from './services/coexistence-eligibility.service';

@Resolver()
export class CoexistenceResolver {
  constructor(private readonly eligibilityService: CoexistenceEligibilityService) {}

  @Query(() => Eligibility, {
    description:
      'Checks whether a WhatsApp Business app number can be onboarded to coexistence (Business app + Cloud API on one number).',
  })
  @RequireRole('finance')
  coexistenceEligibility(@Args('input') input: EligibilityInput): Eligibility {
    return this.eligibilityService.evaluate(input);
  }
}
