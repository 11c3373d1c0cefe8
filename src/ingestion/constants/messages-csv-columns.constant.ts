/** The send log CSV's header, in this order in the documentation; any order is read. */
export const MESSAGES_CSV_COLUMNS = [
  'wamid',
  'phone_number_id',
  'to',
  'sent_at',
  'template_name',
  'template_language',
  'template_category',
  'api',
] as const;

/** Columns every send log must have; the others may be left out. */
export const MESSAGES_CSV_REQUIRED_COLUMNS: readonly string[] = [
  'wamid',
  'phone_number_id',
  'to',
  'sent_at',
];
