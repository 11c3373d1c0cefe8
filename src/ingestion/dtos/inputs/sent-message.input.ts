import { Field, InputType } from '@nestjs/graphql';
import { SendApi, TemplateCategory } from '../../../common/graphql/enums';

@InputType()
export class SentMessageInput {
  @Field()
  wamid!: string;

  @Field()
  phoneNumberId!: string;

  @Field({ description: "Recipient's number (wa_id), with or without +" })
  to!: string;

  @Field()
  sentAt!: Date;

  @Field({ nullable: true, description: 'No templateName means a non-template message' })
  templateName?: string;

  @Field({ nullable: true })
  templateLanguage?: string;

  @Field(() => TemplateCategory, { nullable: true })
  templateCategory?: TemplateCategory;

  @Field(() => SendApi, { nullable: true, defaultValue: SendApi.CLOUD_API })
  api?: SendApi;
}
