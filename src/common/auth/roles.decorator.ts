import { SetMetadata } from '@nestjs/common';
import type { ApiRole } from './role';

export const REQUIRED_ROLE_KEY = 'requiredRole';

/** The least role an API key needs for this resolver or route; every GraphQL operation needs one. */
export const RequireRole = (role: ApiRole) => SetMetadata(REQUIRED_ROLE_KEY, role);
