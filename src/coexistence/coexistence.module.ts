import { Module } from '@nestjs/common';
import { CoexistenceResolver } from './coexistence.resolver';
import { CoexistenceEligibilityService } from './services/coexistence-eligibility.service';

@Module({
  providers: [CoexistenceResolver, CoexistenceEligibilityService],
  exports: [CoexistenceEligibilityService],
})
export class CoexistenceModule {}
