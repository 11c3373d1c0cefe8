import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { DomainError } from '../../common/errors/domain.error';
import { DatabaseLocks } from '../../database/database-locks.service';
import type { EngineRateCard, RateCardBook } from '../../pricing/engine/engine.types';
import { BUILT_IN_RATE_CARDS } from '../../pricing/rate-cards/built-in-rate-cards';
import { buildRateCard } from '../../pricing/rate-cards/build-rate-card.util';
import { RateCardImportError } from '../../pricing/rate-cards/rate-card-import.error';
import type { RateCardData } from '../../pricing/rate-cards/rate-card.types';
import { selectRateCard } from '../../pricing/rate-cards/select-rate-card.util';
import { RateCardEntity } from '../entities/rate-card.entity';

export interface RateCardImport {
  name: string;
  currency: string;
  effectiveFrom: string;
  ratesCsv: string;
  volumeTiersCsv?: string | null;
  provenance?: string | null;
}

/** Stored rate cards (the built-in sourced rows plus imports) and the book the engine reads. */
@Injectable()
export class RateCardsService {
  private cachedBook: { version: string; book: RateCardBook } | null = null;
  private seeded = false;

  constructor(
    @InjectRepository(RateCardEntity) private readonly cards: Repository<RateCardEntity>,
    private readonly locks: DatabaseLocks,
  ) {}

  async list(): Promise<RateCardEntity[]> {
    await this.ensureBuiltIns();
    return this.cards.find({
      order: { currency: 'ASC', effectiveFrom: 'ASC', importedSeq: 'ASC' },
    });
  }

  async findById(id: string): Promise<RateCardEntity> {
    await this.ensureBuiltIns();
    const card = await this.cards.findOneBy({ id });
    if (!card) throw new DomainError('NOT_FOUND', `no rate card with id ${id}`);
    return card;
  }

  /** The card in force for a currency on a local date (a WABA's, or UTC), or null. */
  async cardInForce(currency: string, date: string): Promise<RateCardEntity | null> {
    return selectRateCard(await this.list(), currency, date);
  }

  /** Parses and validates Meta's CSV files; a broken file is refused whole, with line numbers. */
  parse(input: RateCardImport): RateCardData {
    try {
      return buildRateCard({
        name: input.name,
        currency: input.currency,
        effectiveFrom: input.effectiveFrom,
        ratesCsv: input.ratesCsv,
        volumeTiersCsv: input.volumeTiersCsv ?? undefined,
        provenance: input.provenance ?? undefined,
      });
    } catch (error) {
      if (error instanceof RateCardImportError) {
        throw new DomainError(
          'RATE_CARD_INVALID',
          error.message,
          error.issues.map((issue) => ({ line: issue.line, message: issue.message })),
        );
      }
      throw error;
    }
  }

  async import(input: RateCardImport): Promise<RateCardEntity> {
    const data = this.parse(input);
    await this.ensureBuiltIns();
    const saved = await this.save(randomUUID(), data, false);
    return saved;
  }

  /** The engine's view of the stored cards; rebuilt when any process imported a card. */
  async book(): Promise<RateCardBook> {
    await this.ensureBuiltIns();
    const version = await this.version();
    if (this.cachedBook?.version === version) return this.cachedBook.book;
    const cards = (await this.cards.find()).map((card) => ({
      id: card.id,
      importedSeq: card.importedSeq,
      builtIn: card.builtIn,
      currency: card.currency,
      effectiveFrom: card.effectiveFrom,
      data: card.data,
    }));
    const memo = new Map<string, EngineRateCard | null>();
    const book: RateCardBook = {
      cardFor(currency: string, localDate: string): EngineRateCard | null {
        const key = `${currency}|${localDate}`;
        let card = memo.get(key);
        if (card === undefined) {
          card = selectRateCard(cards, currency, localDate);
          memo.set(key, card);
        }
        return card;
      },
    };
    this.cachedBook = { version, book };
    return book;
  }

  private async version(): Promise<string> {
    const rows: { count: string | number; last: string | number | null }[] = await this.cards.query(
      'SELECT COUNT(*) AS count, MAX(imported_seq) AS last FROM rate_cards',
    );
    return `${rows[0].count}|${rows[0].last}`;
  }

  /**
   * Built-in cards are stored on first use with stable ids (an imported card always beats a
   * built-in one of the same date). Built-in cards a new release no longer ships are removed.
   * Returns the cards added or removed, whose currencies and dates must be re-rated.
   */
  async ensureBuiltIns(): Promise<{ currency: string; effectiveFrom: string }[]> {
    if (this.seeded) return [];
    const changed: { currency: string; effectiveFrom: string }[] = [];
    const shipped = new Set<string>();
    for (const data of BUILT_IN_RATE_CARDS) {
      const id = builtInId(data);
      shipped.add(id);
      if (!(await this.cards.existsBy({ id }))) {
        await this.save(id, data, true);
        changed.push({ currency: data.currency, effectiveFrom: data.effectiveFrom });
      }
    }
    for (const stale of await this.cards.findBy({ builtIn: true })) {
      if (shipped.has(stale.id)) continue;
      await this.cards.delete({ id: stale.id });
      changed.push({ currency: stale.currency, effectiveFrom: stale.effectiveFrom });
    }
    this.seeded = true;
    return changed;
  }

  /** Cards are numbered in import order: one process at a time takes the next number. */
  private save(id: string, data: RateCardData, builtIn: boolean): Promise<RateCardEntity> {
    return this.locks.run(['rate-cards'], () => this.saveNumbered(id, data, builtIn));
  }

  private async saveNumbered(
    id: string,
    data: RateCardData,
    builtIn: boolean,
  ): Promise<RateCardEntity> {
    const last = await this.cards.find({ order: { importedSeq: 'DESC' }, take: 1 });
    return this.cards.save(
      this.cards.create({
        id,
        name: data.name,
        currency: data.currency,
        effectiveFrom: data.effectiveFrom,
        importedSeq: (last[0]?.importedSeq ?? 0) + 1,
        importedAt: new Date(),
        builtIn,
        provenance: data.provenance,
        data,
      }),
    );
  }
}

function builtInId(data: RateCardData): string {
  const digest = createHash('sha256')
    .update(`${data.currency}|${data.effectiveFrom}|${data.name}`)
    .digest('hex');
  return `builtin-${digest.slice(0, 28)}`;
}
