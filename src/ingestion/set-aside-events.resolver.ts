import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '../common/auth/caller.decorator';
import { RequireRole } from '../common/auth/roles.decorator';
import { DomainError } from '../common/errors/domain.error';
import {
  decodeIdCursor,
  encodeIdCursor,
  pageSize,
  toConnection,
} from '../common/graphql/connection.util';
import { AfterArg, FirstArg } from '../common/graphql/page-args.decorator';
import {
  DiscardSetAsideEventsInput,
  ReplaySetAsideEventsInput,
} from './dtos/inputs/set-aside-events.input';
import {
  RawEventSource,
  ReplayResultOutput,
  SetAsideEventConnectionOutput,
  SetAsideEventOutput,
  type ReplayOutcome,
} from './dtos/outputs/set-aside-event.output';
import { SetAsideEventsService, type SetAsideEvent } from './services/set-aside-events.service';

const CURSOR = 'setAsideEvent';

/** An operator's view of the webhook bodies the queue set aside: list, replay, discard. */
@Resolver()
@RequireRole('operator')
export class SetAsideEventsResolver {
  constructor(private readonly setAside: SetAsideEventsService) {}

  @Query(() => SetAsideEventConnectionOutput, {
    description:
      'Webhook bodies set aside after every attempt of their retry schedule, oldest first, with their last error; discarded: true lists the discarded ones instead (who, when, why).',
  })
  async setAsideEvents(
    @FirstArg('Bodies')
    first?: number | null,
    @AfterArg('the oldest')
    after?: string | null,
    @Args('discarded', { type: () => Boolean, nullable: true, defaultValue: false })
    discarded?: boolean | null,
  ): Promise<SetAsideEventConnectionOutput> {
    const page = await this.setAside.list({
      first: pageSize(first),
      afterId: decodeIdCursor(CURSOR, 'setAsideEvents', after),
      discarded: discarded === true,
    });
    return {
      ...toConnection(
        page.events,
        page.hasNextPage,
        (event) => encodeIdCursor(CURSOR, event.id),
        toOutput,
      ),
      totalCount: page.totalCount,
    };
  }

  @Mutation(() => ReplayResultOutput, {
    description:
      'Applies set-aside bodies again (after a fix), one by one, the way the queue applies them, and re-rates what they touch; says how each went.',
  })
  async replaySetAsideEvents(
    @Args('input') input: ReplaySetAsideEventsInput,
  ): Promise<ReplayResultOutput> {
    const ids = input.ids ?? null;
    if ((ids === null || ids.length === 0) === (input.all !== true)) {
      throw new DomainError('BAD_USER_INPUT', 'give either ids or all: true');
    }
    const result = await this.setAside.replay(input.all === true ? null : ids);
    return {
      applied: result.applied,
      failed: result.failed,
      results: result.results.map((entry) => ({
        id: String(entry.id),
        outcome: entry.outcome as ReplayOutcome,
        error: entry.error,
      })),
    };
  }

  @Mutation(() => [ID], {
    description:
      'Discards set-aside bodies for good (never applied, no longer counted as failed); the reason, the key and the time are kept. Returns the ids discarded.',
  })
  async discardSetAsideEvents(
    @Args('input') input: DiscardSetAsideEventsInput,
    @CurrentCaller() caller: Caller,
  ): Promise<string[]> {
    const ids = await this.setAside.discard(
      input.ids,
      input.reason,
      `API key ${caller.keyId} (${caller.name})`,
    );
    return ids.map(String);
  }
}

function toOutput(event: SetAsideEvent): SetAsideEventOutput {
  return { ...event, id: String(event.id), source: event.source as RawEventSource };
}
