import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExportsModule } from '../exports/exports.module';
import { NotificationAttemptEntity } from './entities/notification-attempt.entity';
import { NotificationDeliveryEntity } from './entities/notification-delivery.entity';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './services/notifications.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([NotificationDeliveryEntity, NotificationAttemptEntity]),
    ExportsModule,
  ],
  providers: [NotificationsService, NotificationsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule {}
