import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateCardEntity } from './entities/rate-card.entity';
import { RateCardsService } from './services/rate-cards.service';

@Module({
  imports: [TypeOrmModule.forFeature([RateCardEntity])],
  providers: [RateCardsService],
  exports: [RateCardsService],
})
export class RateCardsModule {}
