import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateCardEntity } from './entities/rate-card.entity';
import { RateCardCoverageService } from './services/rate-card-coverage.service';
import { RateCardsService } from './services/rate-cards.service';

@Module({
  imports: [TypeOrmModule.forFeature([RateCardEntity])],
  providers: [RateCardsService, RateCardCoverageService],
  exports: [RateCardsService, RateCardCoverageService],
})
export class RateCardsModule {}
