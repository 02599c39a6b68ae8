// Postgres answers a malformed uuid with an error, not with no rows, so an id that arrives in a
// URL, a form or a webhook is checked before it reaches a query: a bad one is simply not found.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
