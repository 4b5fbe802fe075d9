/** Ends every switch over a union, so that adding a member is a compile error until handled. */
export function assertNever(value: never, context = 'value'): never {
  throw new Error(`Unexpected ${context}: ${JSON.stringify(value)}`);
}
