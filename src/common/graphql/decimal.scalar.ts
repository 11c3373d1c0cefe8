import { CustomScalar, Scalar } from '@nestjs/graphql';
import { Kind, ValueNode } from 'graphql';
import { DomainError } from '../errors/domain.error';

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
/** Decimals are exact to 40 significant digits (src/pricing/money.ts): no longer text is read. */
export const MAX_DECIMAL_LENGTH = 40;

/** Exact decimal carried as a string ("0.0625"); never a Float. */
@Scalar('Decimal')
export class DecimalScalar implements CustomScalar<string, string> {
  description = `Exact decimal number as a string, e.g. "0.0625", of at most ${MAX_DECIMAL_LENGTH} characters. Never rounded by the transport.`;

  parseValue(value: unknown): string {
    return parseDecimal(value);
  }

  serialize(value: unknown): string {
    if (typeof value === 'string') return value;
    if (value !== null && typeof value === 'object' && 'toFixed' in value) {
      return (value as { toFixed(): string }).toFixed();
    }
    throw new DomainError('BAD_DECIMAL', `cannot serialise ${typeof value} as Decimal`);
  }

  parseLiteral(ast: ValueNode): string {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parseDecimal(ast.value);
    throw new DomainError('BAD_DECIMAL', 'Decimal literals must be strings such as "12.5"');
  }
}

function parseDecimal(value: unknown): string {
  if (typeof value === 'string' && value.trim().length > MAX_DECIMAL_LENGTH) {
    throw new DomainError(
      'BAD_DECIMAL',
      `Decimal values have at most ${MAX_DECIMAL_LENGTH} characters; got ${value.trim().length}`,
    );
  }
  if (typeof value === 'string' && DECIMAL_PATTERN.test(value.trim())) return value.trim();
  throw new DomainError(
    'BAD_DECIMAL',
    `Decimal values are strings of digits such as "12.5"; got ${JSON.stringify(value)}`,
  );
}
