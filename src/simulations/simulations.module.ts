import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { ChargingModule } from '../charging/charging.module';
import { RateCardsModule } from '../rate-cards/rate-cards.module';
import { SavedScenarioEntity } from './entities/saved-scenario.entity';
import { ForecastService } from './services/forecast.service';
import { RecordedTrafficService } from './services/recorded-traffic.service';
import { SavedScenariosService } from './services/saved-scenarios.service';
import { SimulationService } from './services/simulation.service';
import { SimulationsResolver } from './simulations.resolver';

@Module({
  imports: [
    RateCardsModule,
    AccountsModule,
    ChargingModule,
    TypeOrmModule.forFeature([SavedScenarioEntity]),
  ],
  providers: [
    SimulationService,
    SavedScenariosService,
    RecordedTrafficService,
    ForecastService,
    SimulationsResolver,
  ],
  exports: [SimulationService, SavedScenariosService, ForecastService],
})
export class SimulationsModule {}
