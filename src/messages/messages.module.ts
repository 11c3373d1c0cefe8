import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WabaEntity } from '../accounts/entities/waba.entity';
import { MessageEntity } from './entities/message.entity';
import { MessagesResolver } from './messages.resolver';
import { ContactLinks } from './services/contact-links.service';
import { MessageStore } from './services/message-store.service';
import { MessagesQueryService } from './services/messages-query.service';

@Module({
  imports: [TypeOrmModule.forFeature([MessageEntity, WabaEntity])],
  providers: [MessageStore, ContactLinks, MessagesQueryService, MessagesResolver],
  exports: [MessageStore],
})
export class MessagesModule {}
