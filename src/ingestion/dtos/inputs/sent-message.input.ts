import { Field, InputType } from '@nestjs/graphql';
import { InputLimit } from '../../../common/graphql/input-limits.util';
import {
  TEMPLATE_LANGUAGE_MAX_LENGTH,
  TEMPLATE_NAME_MAX_LENGTH,
} from '../../services/send-log.service';
import { SendApi, TemplateCategory } from '../../../common/graphql/enums';

@InputType()
export class SentMessageInput {
  @Field({ description: 'At most 255 characters.' })
  @InputLimit({ maxLength: 255 })
  wamid!: string;

  @Field({ description: 'At most 64 characters.' })
  @InputLimit({ maxLength: 64 })
  phoneNumberId!: string;

  @Field({
    description:
      'Recipient: the phone number (wa_id, with or without +), or the business-scoped user id of a user with a username; at most 256 characters.',
  })
  @InputLimit({ maxLength: 256 })
  to!: string;

  @Field()
  sentAt!: Date;

  @Field({
    nullable: true,
    description: `No templateName means a non-template message; at most ${TEMPLATE_NAME_MAX_LENGTH} characters.`,
  })
  @InputLimit({ maxLength: TEMPLATE_NAME_MAX_LENGTH })
  templateName?: string;

  @Field({ nullable: true, description: `At most ${TEMPLATE_LANGUAGE_MAX_LENGTH} characters.` })
  @InputLimit({ maxLength: TEMPLATE_LANGUAGE_MAX_LENGTH })
  templateLanguage?: string;

  @Field(() => TemplateCategory, { nullable: true })
  templateCategory?: TemplateCategory;

  @Field(() => SendApi, { nullable: true, defaultValue: SendApi.CLOUD_API })
  api?: SendApi;
}
