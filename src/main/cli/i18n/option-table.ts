/**
 * Help text columns that line up in a terminal whatever the language: CJK characters and
 * full-width punctuation take two columns, so padding counts display width, not characters.
 */

/** True for a code point a terminal draws two columns wide (CJK, full-width forms, emoji). */
function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0x303e) ||
    (codePoint >= 0x3041 && codePoint <= 0x33ff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xa960 && codePoint <= 0xa97f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1faff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

/** The number of terminal columns `text` takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0)!) ? 2 : 1;
  return width;
}

/** One row of an option table: the flag (with its placeholder) and what it does. */
export type OptionRow = readonly [flag: string, description: string];

/**
 * Formats option rows as two aligned columns: `  --flag <x>   description`. A description
 * with `\n` continues on lines indented to the description column.
 */
export function optionTable(rows: readonly OptionRow[], indent = 2): string {
  const flagWidth = Math.max(...rows.map(([flag]) => displayWidth(flag)));
  const column = indent + flagWidth + 2;
  return rows
    .map(([flag, description]) => {
      const [first, ...rest] = description.split('\n');
      const head = ' '.repeat(indent) + flag + ' '.repeat(flagWidth - displayWidth(flag) + 2);
      return [head + first, ...rest.map((line) => ' '.repeat(column) + line)].join('\n');
    })
    .join('\n');
}
