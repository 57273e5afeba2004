import { expect } from '@open-wc/testing';
import { surelyFits } from '../core/list/text-fit.js';
import { fontAdvances } from './header-columns.js';

const widthInPage = (text: string, font: string) => {
  const span = document.createElement('span');
  span.style.font = font;
  span.style.whiteSpace = 'pre';
  span.textContent = text;
  document.body.append(span);
  const width = span.getBoundingClientRect().width;
  span.remove();
  return width;
};

describe('fontAdvances', () => {
  it('measures a font as the page sets it: a text it says fits is no wider in the page', () => {
    for (const font of ['14px sans-serif', '600 14px sans-serif', '12.88px monospace', '13px serif']) {
      const advances = fontAdvances(font)!;
      expect(advances, font).to.not.equal(undefined);
      for (const text of ['orders-processor', 'apps/v1.Deployment', 'WWWWWWWW', 'iiiiiiii', '0123456789']) {
        const width = widthInPage(text, font);
        // Never said to fit a column narrower than the page draws it.
        expect(surelyFits(text, advances, width - 0.01), `${text} in ${font}, a hair narrower`).to.equal(
          false,
        );
        // And close enough to be useful: lone advances ignore kerning (DejaVu Sans kerns
        // "orders-processor" 0.55 px tighter), so a little room beyond the page's width.
        expect(surelyFits(text, advances, width * 1.02 + 2), `${text} in ${font}`).to.equal(true);
      }
    }
  });

  it('gives up on a font the canvas cannot parse, so nothing is said to fit', () => {
    expect(fontAdvances('not a font')).to.equal(undefined);
  });
});
