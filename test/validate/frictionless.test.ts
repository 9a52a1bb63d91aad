/**
 * Conformance with Frictionless Framework's own tests (frictionless-py v5, tests/validate/test_main.py and the
 * «Validating Data» guide): the same files, rebuilt in fixtures/validate/frictionless/, give the same errors
 * (row, field position, code). Cases and the README table «Conformance with Frictionless» are kept together.
 */
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../src/validate/index.js';

async function flatten(file: string): Promise<(string | number | null)[][]> {
  const report = await validatePaths([`fixtures/validate/frictionless/${file}`]);
  return report.messages.map((i) => [(i.place.row ?? null) === 1 && (i.place.fieldNumber ?? null) !== null && ['blank-label', 'duplicate-label', 'extra-label', 'missing-label'].includes(i.code) ? null : (i.place.row ?? null), (i.place.fieldNumber ?? null), i.code]);
}

describe('validate agrees with Frictionless (v5 error names)', () => {
  it('invalid.csv: exactly the 8 errors frictionless-py expects (test_validate_invalid)', async () => {
    expect(await flatten('invalid.csv')).toEqual([
      [null, 3, 'blank-label'],
      [null, 4, 'duplicate-label'],
      [2, 3, 'missing-cell'],
      [2, 4, 'missing-cell'],
      [3, 3, 'missing-cell'],
      [3, 4, 'missing-cell'],
      [4, null, 'blank-row'],
      [5, 5, 'extra-cell'],
    ]);
  });

  it('capital-invalid.csv: the guide\'s errors, except the type-error Frictionless finds by inferring types (we do not infer)', async () => {
    expect(await flatten('capital-invalid.csv')).toEqual([
      [null, 3, 'duplicate-label'],
      [10, 3, 'missing-cell'],
      [11, null, 'blank-row'],
      [12, 4, 'extra-cell'],
      // Frictionless also gives [12, 1, 'type-error'] ("x" is not an integer): it infers `id` as integer from the data.
    ]);
  });
});
