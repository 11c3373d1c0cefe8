import { Injectable } from '@nestjs/common';
import { EligibilityInput } from '../dtos/inputs/eligibility.input';
import { Eligibility } from '../dtos/outputs/eligibility.output';
import { evaluateCoexistenceEligibility } from '../utils/evaluate-coexistence-eligibility.util';

@Injectable()
export class CoexistenceEligibilityService {
  evaluate(input: EligibilityInput): Eligibility {
    return evaluateCoexistenceEligibility(input, new Date());
  }
}
