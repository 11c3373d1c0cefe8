import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessageEntity } from './entities/message.entity';
import { MessagesResolver } from './messages.resolver';
import { ContactLinks } from './services/contact-links.service';
import { MessageStore } from './services/message-store.service';
import { MessagesQueryService } from './services/messages-query.service';

@Module({
  imports: [TypeOrmModule.forFeature([MessageEntity])],
  providers: [MessageStore, ContactLinks, MessagesQueryService, MessagesResolver],
  exports: [MessageStore],
})
export class MessagesModule {}
