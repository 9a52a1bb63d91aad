import { describe, expect, it } from 'vitest';
import { cleanLine, cleanRunText } from '../../src/util/text.js';

describe('cleanRunText (the PDF reader’s text of one run)', () => {
  it('keeps the no-break space and the run’s edge spaces, collapses other white space', () => {
    expect(cleanRunText(' з\u00A0питань \t\n громади ')).toBe(' з\u00A0питань громади ');
    // cleanLine, for the stages after the readers, makes the no-break space a space and trims
    expect(cleanLine(' з\u00A0питань \t\n громади ')).toBe('з питань громади');
  });

  it('drops control characters, U+FFFD and the BOM; a soft hyphen becomes a hyphen; NFC', () => {
    expect(cleanRunText('\uFEFFпро\u0001ект\uFFFD')).toBe('проект');
    expect(cleanRunText('інфор\u00ADмація')).toBe('інфор-мація');
    expect(cleanRunText('ї'.normalize('NFD'))).toBe('ї');
  });

  it('leaves zero-width characters and Ukrainian letters as they are', () => {
    expect(cleanRunText('м’ята\u200Bсмуга')).toBe('м’ята\u200Bсмуга');
  });
});
