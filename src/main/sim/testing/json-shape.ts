/**
 * JSON shapes for comparing what the simulator emits with captured traffic: key sets and
 * JSON types, not values.
 */
export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean' || t === 'object') return t;
  throw new TypeError(`not a JSON value: ${t}`);
}

/** `{ key: type }` of an object's own keys, in key order. */
export function typeMap(value: Record<string, unknown>): Record<string, JsonType> {
  const out: Record<string, JsonType> = {};
  for (const [key, v] of Object.entries(value)) out[key] = jsonType(v);
  return out;
}

/**
 * A deep shape: objects map keys to shapes, arrays become the shape of their first element
 * (captured arrays are homogeneous), primitives their JSON type.
 */
export function deepShape(value: unknown): unknown {
  const t = jsonType(value);
  if (t === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>))
      out[key] = deepShape(v);
    return out;
  }
  if (t === 'array') {
    const items = value as unknown[];
    return items.length === 0 ? [] : [deepShape(items[0])];
  }
  return t;
}

/** Every key of `captured` exists in `actual` with the same JSON type (for trimmed captures). */
export function missingOrMistyped(
  actual: Record<string, unknown>,
  captured: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(captured)) {
    if (!(key in actual)) problems.push(`missing ${key}`);
    else if (jsonType(actual[key]) !== jsonType(value)) {
      problems.push(`${key}: ${jsonType(actual[key])} instead of ${jsonType(value)}`);
    }
  }
  return problems;
}
