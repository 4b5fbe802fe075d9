import type { Locator, Page } from '@playwright/test';

/**
 * Numbers (prices, quantities, ids, times) drawn across two lines inside `root`: every run of
 * digits (with its separators) in a visible text node is measured; a number whose glyphs sit
 * on more than one line is returned, with the text around it.
 */
export async function numbersSplitAcrossLines(page: Page, root = 'body'): Promise<string[]> {
  return page
    .locator(root)
    .first()
    .evaluate((scope) => {
      const split: string[] = [];
      const doc = scope.ownerDocument;
      const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
      const walker = doc.createTreeWalker(scope, SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        // Whole numbers only: digits inside an id made of letters and digits may break.
        for (const match of text.matchAll(/(?<![A-Za-z_\d.,:])\d[\d.,:]*\d(?![A-Za-z_\d])/g)) {
          const range = doc.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set(
            [...range.getClientRects()]
              .filter((r) => r.width > 0 && r.height > 0)
              .map((r) => Math.round(r.top)),
          );
          if (tops.size > 1) split.push(`${match[0]} in "${text.slice(0, 80)}"`);
        }
      }
      return split;
    });
}

/** Elements of `locator` whose text does not fit their box (cut or ellipsised). */
export async function cutTexts(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((els) =>
    els
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.textContent} (${el.scrollWidth} > ${el.clientWidth})`),
  );
}

/** The two boxes overlap. */
export function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
