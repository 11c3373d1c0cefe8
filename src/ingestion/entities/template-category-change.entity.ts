import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMillisTransformer } from '../../database/column-transformers';
import type { TemplateCategory } from '../../pricing/pricing.types';

/** A template's category from `effectiveAt` on, as announced by template_category_update. */
@Entity('template_category_changes')
@Index(
  'uq_template_category_changes',
  ['wabaId', 'templateName', 'templateLanguage', 'effectiveAt'],
  {
    unique: true,
  },
)
export class TemplateCategoryChangeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'waba_id', type: 'varchar', length: 64 })
  wabaId!: string;

  @Column({ name: 'template_name', type: 'varchar', length: 512 })
  templateName!: string;

  @Column({ name: 'template_language', type: 'varchar', length: 32 })
  templateLanguage!: string;

  @Column({ type: 'varchar', length: 16 })
  category!: TemplateCategory;

  @Column({ name: 'effective_at', type: 'bigint', transformer: epochMillisTransformer })
  effectiveAt!: Date;
}
