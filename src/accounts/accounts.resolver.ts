import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { formatJobToGraphql } from '../jobs/utils/format-job-to-graphql.util';
import { PhoneNumberInput, WabaInput } from './dtos/inputs/waba.input';
import {
  AccessTokenStatusEnum,
  PhoneNumberOutput,
  PortfolioOutput,
  WabaOutput,
} from './dtos/outputs/account.output';
import type { PhoneNumberEntity } from './entities/phone-number.entity';
import type { WabaEntity } from './entities/waba.entity';
import { AccountsService } from './services/accounts.service';

@Resolver()
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Query(() => [WabaOutput])
  @RequireRole('finance')
  async wabas(): Promise<WabaOutput[]> {
    return (await this.accounts.listWabas()).map(toWabaOutput);
  }

  @Query(() => [PhoneNumberOutput])
  @RequireRole('finance')
  async phoneNumbers(
    @Args('wabaId', { nullable: true }) wabaId?: string,
  ): Promise<PhoneNumberOutput[]> {
    return (await this.accounts.listPhoneNumbers(wabaId)).map(toPhoneNumberOutput);
  }

  @Query(() => [PortfolioOutput])
  @RequireRole('finance')
  async portfolios(): Promise<PortfolioOutput[]> {
    const [portfolios, wabas] = await Promise.all([
      this.accounts.listPortfolios(),
      this.accounts.listWabas(),
    ]);
    return portfolios.map((portfolio) => ({
      id: portfolio.id,
      name: portfolio.name,
      wabaIds: wabas.filter((waba) => waba.portfolioId === portfolio.id).map((waba) => waba.wabaId),
    }));
  }

  @Mutation(() => WabaOutput, {
    description:
      'Creates or edits a WABA; when the edit changes how its messages are priced (portfolio, time zone, currency, country, auth-international starts, allowance) they are re-rated by a job (repriceJob), which any service process runs',
  })
  @RequireRole('operator')
  async upsertWaba(@Args('input') input: WabaInput): Promise<WabaOutput> {
    const { saved, repriceJob } = await this.accounts.upsertWaba(input);
    return { ...toWabaOutput(saved), repriceJob: repriceJob && formatJobToGraphql(repriceJob) };
  }

  @Mutation(() => PhoneNumberOutput, {
    description:
      'Creates or edits a phone number; when it moves to another WABA the messages of both WABAs are re-rated by a job (repriceJob), which any service process runs',
  })
  @RequireRole('operator')
  async upsertPhoneNumber(@Args('input') input: PhoneNumberInput): Promise<PhoneNumberOutput> {
    const { saved, repriceJob } = await this.accounts.upsertPhoneNumber(input);
    return {
      ...toPhoneNumberOutput(saved),
      repriceJob: repriceJob && formatJobToGraphql(repriceJob),
    };
  }
}

function toWabaOutput(waba: WabaEntity): WabaOutput {
  return {
    wabaId: waba.wabaId,
    name: waba.name,
    portfolioId: waba.portfolioId,
    timezone: waba.timezone,
    currency: waba.currency,
    primaryBusinessCountry: waba.primaryBusinessCountry,
    authInternationalStarts: waba.authInternationalStarts.map((start) => ({
      country: start.country,
      startsAt: new Date(start.startsAt),
    })),
    freeServiceAllowance: waba.freeServiceAllowance,
    hasAccessToken: waba.accessTokenCiphertext !== null,
    accessTokenStatus: waba.accessTokenStatus as AccessTokenStatusEnum | null,
    accessTokenError: waba.accessTokenError,
  };
}

function toPhoneNumberOutput(phone: PhoneNumberEntity): PhoneNumberOutput {
  return {
    phoneNumberId: phone.phoneNumberId,
    wabaId: phone.wabaId,
    displayPhoneNumber: phone.displayPhoneNumber,
    coexistence: phone.coexistence,
    onboardedAt: phone.onboardedAt,
    offboardedAt: phone.offboardedAt,
  };
}
