import * as fc from 'fast-check';
import type { $ZodType, $ZodTypes } from 'zod/v4/core';

/*
 * fast-check arbitraries built from a contract's zod 4 schema (read through schema._zod.def and its
 * checks), for the contract fuzz. Two modes:
 *  - 'valid': values the schema accepts (lengths, bounds, patterns, enums, required keys), drawn
 *    mostly from what `FieldValues` proposes for a field name, so the call gets past validation
 *    and into the handler;
 *  - 'hostile': the same shapes with wrong types, missing and unknown keys, values out of bounds,
 *    control characters and far-too-long text.
 */

export type ArbitraryMode = 'valid' | 'hostile';

/** Domain values for a field, by its name (e.g. `categoryId` → the category codes that exist). */
export interface FieldValues {
  strings(key: string): fc.Arbitrary<string> | undefined;
  numbers(key: string): fc.Arbitrary<number> | undefined;
  /** Any string worth trying (known codes, SQL/FTS syntax, odd Unicode). */
  anyString: fc.Arbitrary<string>;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

function checksOf(schema: $ZodType): CheckDef[] {
  return (schema._zod.def.checks ?? []).map((c) => c._zod.def as CheckDef);
}

function lengthBounds(schema: $ZodType, fallbackMax: number): { min: number; max: number } {
  const checks = checksOf(schema);
  return {
    min: checks.find((c) => c.check === 'min_length')?.minimum ?? 0,
    max: checks.find((c) => c.check === 'max_length')?.maximum ?? fallbackMax,
  };
}

/** Anything JSON can carry, small. */
export const anyJson = fc.jsonValue({ maxDepth: 2 });

/** Control characters: the router rejects them; hostile text carries some. */
const CONTROL = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800', '\t', '\r\n', '\n'];

/** A fixed string the schema accepts, for valid-mode values that missed (seeded: reproducible). */
function acceptedSample(patterns: readonly RegExp[], accepts: (s: string) => boolean): string | undefined {
  for (const pattern of patterns) {
    const found = fc.sample(fc.stringMatching(pattern), { numRuns: 200, seed: 1 }).find(accepts);
    if (found !== undefined) return found;
  }
  return ['a1x', 'Fuzz#2026a', 'abc12345', '字'].find(accepts);
}

function stringArb(schema: $ZodType, key: string, mode: ArbitraryMode, values: FieldValues): fc.Arbitrary<string> {
  const checks = checksOf(schema);
  const { min, max } = lengthBounds(schema, 10_000);
  const patterns = checks.flatMap((c) => (c.check === 'string_format' && c.pattern ? [c.pattern] : []));
  const trims = checks.some((c) => c.check === 'overwrite');
  const accepts = (s: string) => {
    const t = trims ? s.trim() : s;
    return t.length >= min && t.length <= max && patterns.every((p) => p.test(t));
  };
  const upTo = Math.max(min, Math.min(max, 40));
  const hinted = values.strings(key);
  const choices: fc.WeightedArbitrary<string>[] = [
    { weight: 4, arbitrary: values.anyString },
    { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: upTo, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: upTo }) },
  ];
  if (hinted) choices.push({ weight: mode === 'valid' ? 24 : 8, arbitrary: hinted });
  for (const pattern of patterns) choices.push({ weight: 6, arbitrary: fc.stringMatching(pattern) });
  if (mode === 'valid') {
    // Long but allowed text; then only what the schema accepts (with a plain fallback that does).
    choices.push({ weight: 1, arbitrary: fc.constant('字'.repeat(Math.min(max, 5000))) });
    const fallback = acceptedSample(patterns, accepts) ?? 'a1'.padEnd(min, 'x');
    return fc.oneof(...choices).map((s) => (accepts(s) ? s : fallback));
  }
  choices.push(
    { weight: 1, arbitrary: fc.string({ maxLength: upTo, unit: 'binary' }) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...CONTROL), fc.string({ maxLength: 8 }))
        .map(([a, c, b]) => `${a}${c}${b}`),
    },
    // At the limit, one past it, and far past it (within what one WebSocket frame may carry).
    { weight: 2, arbitrary: fc.constantFrom(max, max + 1, max + 5000).map((n) => '字'.repeat(Math.min(n, 100_000))) },
  );
  return fc.oneof(...choices);
}

function numberArb(schema: $ZodType, key: string, mode: ArbitraryMode, values: FieldValues): fc.Arbitrary<number> {
  const checks = checksOf(schema);
  const isInt = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
  // Exclusive bounds (positive() is "greater than 0") move one step in: 1 for integers.
  const step = isInt ? 1 : Number.EPSILON;
  const bound = (name: string, fallback: number, sign: 1 | -1) => {
    const check = checks.find((c) => c.check === name);
    if (check?.value === undefined) return fallback;
    return Number(check.value) + (check.inclusive ? 0 : sign * step);
  };
  const lo = bound('greater_than', -Number.MAX_SAFE_INTEGER, 1);
  const hi = bound('less_than', Number.MAX_SAFE_INTEGER, -1);
  const range = fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) });
  const hinted = values.numbers(key);
  const edges = [lo, hi, 0, 1, -1, 2 ** 31, Number.MAX_SAFE_INTEGER].filter((n) => Number.isFinite(n));
  const choices: fc.WeightedArbitrary<number>[] = [
    { weight: 2, arbitrary: range },
    { weight: 2, arbitrary: fc.constantFrom(...edges) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 30 }) },
  ];
  if (hinted) choices.push({ weight: 10, arbitrary: hinted });
  if (!isInt) choices.push({ weight: 1, arbitrary: fc.double({ min: lo, max: hi, noNaN: true }) });
  if (mode === 'valid') {
    const fits = (n: number) => n >= lo && n <= hi && (!isInt || Number.isSafeInteger(n));
    return fc.oneof(...choices).map((n) => (fits(n) ? n : Math.min(Math.max(isInt ? Math.round(n) : n, lo), hi)));
  }
  choices.push({ weight: 2, arbitrary: fc.constantFrom(lo - 1, hi + 1, 0.5, -0.25, 1e300, -1e300) });
  return fc.oneof(...choices);
}

function arrayArb(schema: $ZodType, element: fc.Arbitrary<unknown>, mode: ArbitraryMode): fc.Arbitrary<unknown[]> {
  const { min, max } = lengthBounds(schema, 1000);
  const usual = fc.array(element, { minLength: min, maxLength: Math.max(min, Math.min(max, 6)) });
  if (mode === 'valid') return usual;
  // One element past the limit, repeated (distinct elements would make megabyte inputs).
  const over = max < 1000 ? max + 1 : 50;
  const long = element.map((e) => Array.from({ length: over }, () => e));
  return fc.oneof({ weight: 5, arbitrary: usual }, { weight: 1, arbitrary: long });
}

function omit(record: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/** An arbitrary of inputs for `schema`; `key` is the field it sits in (for FieldValues). */
export function arbitraryFor(
  schema: $ZodType,
  mode: ArbitraryMode,
  values: FieldValues,
  key = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (depth > 8) return anyJson;
  const def = (schema as $ZodTypes)._zod.def;
  const inner = (s: $ZodType, k = key) => arbitraryFor(s, mode, values, k, depth + 1);
  switch (def.type) {
    case 'string':
      return stringArb(schema, key, mode, values);
    case 'number':
      return numberArb(schema, key, mode, values);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'literal':
      return fc.constantFrom(...def.values);
    case 'enum': {
      const valid = fc.constantFrom(...Object.values(def.entries));
      return mode === 'valid'
        ? valid
        : fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: values.anyString });
    }
    case 'array':
      return arrayArb(schema, inner(def.element), mode);
    case 'tuple':
      return fc.tuple(...def.items.map((i) => inner(i)));
    case 'object': {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [k, field] of Object.entries(def.shape)) {
        const value = inner(field, k);
        // Hostile: now and then a wrong type in one field.
        model[k] =
          mode === 'valid' ? value : fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: anyJson });
        if (field._zod.optin === undefined) required.push(k);
      }
      const record = fc.record(model, { requiredKeys: required });
      if (mode === 'valid') return record;
      // A required key missing, or an unknown one added (strict objects refuse it).
      return fc.oneof(
        { weight: 4, arbitrary: record },
        {
          weight: 1,
          arbitrary: record.chain((r) => fc.constantFrom('', ...Object.keys(r)).map((k) => omit(r, k))),
        },
        {
          weight: 1,
          arbitrary: fc.tuple(record, fc.string({ maxLength: 6 }), anyJson).map(([r, k, v]) => ({ ...r, [k]: v })),
        },
      );
    }
    case 'union':
      return fc.oneof(...def.options.map((o) => inner(o)));
    case 'record':
      return fc.dictionary(inner(def.keyType).map(String), inner(def.valueType), { maxKeys: 4 });
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'never':
      return fc.constant(undefined);
    default:
      return anyJson;
  }
}
