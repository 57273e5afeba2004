/**
 * What a browser has and jsdom lacks, for the elements' charts (echarts on a canvas, resize and
 * colour-scheme listeners). jsdom does no layout and no painting, so these do nothing: no media
 * query matches, nothing ever resizes, drawing calls are accepted and dropped.
 */
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    } as MediaQueryList);
}

if (typeof globalThis.ResizeObserver !== 'function') {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/** A 2D context whose every method is a no-op (values read back are neutral). */
function inertContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const values: Record<string | symbol, unknown> = {
    canvas,
    measureText: (text: string) => ({ width: text.length * 6 }),
    getImageData: () => ({ data: new Uint8ClampedArray(4) }),
    createLinearGradient: () => ({ addColorStop: () => undefined }),
    createRadialGradient: () => ({ addColorStop: () => undefined }),
    createPattern: () => ({}),
    getTransform: () => ({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }),
    getLineDash: () => [],
  };
  return new Proxy(values, {
    get: (target, key) => (key in target ? target[key] : () => undefined),
    set: (target, key, value) => {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

HTMLCanvasElement.prototype.getContext = function getContext(
  this: HTMLCanvasElement,
  kind: string
) {
  return kind === '2d' ? inertContext(this) : null;
} as HTMLCanvasElement['getContext'];
