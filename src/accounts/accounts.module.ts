import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsResolver } from './accounts.resolver';
import { PhoneNumberEntity } from './entities/phone-number.entity';
import { PortfolioEntity } from './entities/portfolio.entity';
import { WabaEntity } from './entities/waba.entity';
import { AccountsService } from './services/accounts.service';

@Module({
  imports: [TypeOrmModule.forFeature([PortfolioEntity, WabaEntity, PhoneNumberEntity])],
  providers: [AccountsService, AccountsResolver],
  exports: [AccountsService],
})
export class AccountsModule {}
