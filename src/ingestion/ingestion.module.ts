import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ChargingModule } from '../charging/charging.module';
import { MessagesModule } from '../messages/messages.module';
import { MetricsModule } from '../observability/metrics/metrics.module';
import { SendLogResolver } from './send-log.resolver';
import { BulkImportService } from './services/bulk-import.service';
import { IngestionService } from './services/ingestion.service';
import { RawEventLog } from './services/raw-event-log.service';
import { SendLogService } from './services/send-log.service';
import { SetAsideEventsService } from './services/set-aside-events.service';
import { SetAsideEventsResolver } from './set-aside-events.resolver';
import { WebhookQueue } from './services/webhook-queue.service';
import { WebhookEventApplier } from './services/webhook-event-applier.service';
import { WebhookController } from './webhook.controller';
import { WebhookDeliveryHandler } from './webhook-delivery.handler';

@Module({
  imports: [AccountsModule, ChargingModule, MessagesModule, MetricsModule],
  controllers: [WebhookController],
  providers: [
    WebhookQueue,
    WebhookEventApplier,
    IngestionService,
    RawEventLog,
    SendLogService,
    SendLogResolver,
    BulkImportService,
    WebhookDeliveryHandler,
    SetAsideEventsService,
    SetAsideEventsResolver,
  ],
  exports: [
    WebhookQueue,
    IngestionService,
    SendLogService,
    BulkImportService,
    SetAsideEventsService,
  ],
})
export class IngestionModule {}
