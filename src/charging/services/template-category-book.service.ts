import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TemplateCategoryChangeEntity } from '../../ingestion/entities/template-category-change.entity';
import type { TemplateCategory } from '../../pricing/pricing.types';

/** Meta bills a template by its category at the time of use, so recategorisations are dated. */
@Injectable()
export class TemplateCategoryBook {
  private changes: Map<string, { at: number; category: TemplateCategory }[]> | null = null;
  private version: string | null = null;

  constructor(
    @InjectRepository(TemplateCategoryChangeEntity)
    private readonly repository: Repository<TemplateCategoryChangeEntity>,
  ) {}

  /** Loads the changes, again whenever any process recorded a new one. */
  async ensureLoaded(): Promise<void> {
    const rows: { count: string | number; last: string | number | null }[] =
      await this.repository.query(
        'SELECT COUNT(*) AS count, MAX(id) AS last FROM template_category_changes',
      );
    const version = `${rows[0].count}|${rows[0].last}`;
    if (this.changes !== null && this.version === version) return;
    this.version = version;
    const changes = new Map<string, { at: number; category: TemplateCategory }[]>();
    for (const change of await this.repository.find({ order: { effectiveAt: 'ASC' } })) {
      const key = keyOf(change.wabaId, change.templateName, change.templateLanguage);
      const list = changes.get(key) ?? [];
      list.push({ at: change.effectiveAt.getTime(), category: change.category });
      changes.set(key, list);
    }
    this.changes = changes;
  }

  categoryAt(
    wabaId: string,
    templateName: string | null,
    templateLanguage: string | null,
    usedAt: Date,
    recorded: TemplateCategory | null,
  ): TemplateCategory | null {
    if (templateName === null || this.changes === null) return recorded;
    const list = this.changes.get(keyOf(wabaId, templateName, templateLanguage ?? ''));
    if (!list) return recorded;
    let category = recorded;
    for (const change of list) if (change.at <= usedAt.getTime()) category = change.category;
    return category;
  }
}

function keyOf(wabaId: string, name: string, language: string): string {
  return `${wabaId}|${name}|${language.toLowerCase().replace('-', '_')}`;
}
