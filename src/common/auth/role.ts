export type ApiRole = 'finance' | 'operator' | 'admin';

const RANK: Record<ApiRole, number> = { finance: 1, operator: 2, admin: 3 };

export function roleAllows(granted: ApiRole, required: ApiRole): boolean {
  return RANK[granted] >= RANK[required];
}
