import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SimulationsModule } from '../simulations/simulations.module';
import { BudgetsResolver } from './budgets.resolver';
import { BudgetAlertEntity } from './entities/budget-alert.entity';
import { BudgetEntity } from './entities/budget.entity';
import { BudgetsService } from './services/budgets.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([BudgetEntity, BudgetAlertEntity]),
    AccountsModule,
    SimulationsModule,
    NotificationsModule,
  ],
  providers: [BudgetsService, BudgetsResolver],
  exports: [BudgetsService],
})
export class BudgetsModule {}
