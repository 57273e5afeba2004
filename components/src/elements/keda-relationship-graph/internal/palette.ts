/** The theme colours the canvas needs, resolved to `rgb()` from the host's `--keda-*` properties. */
export interface GraphPalette {
  fg: string;
  bg: string;
  muted: string;
  border: string;
  surface: string;
  accent: string;
  ok: string;
  warn: string;
  error: string;
  info: string;
  font: string;
}

const KEYS = ['fg', 'bg', 'muted', 'border', 'surface', 'accent', 'ok', 'warn', 'error', 'info'] as const;

/**
 * Canvas drawing cannot use CSS variables, system colours or `light-dark()`: a probe element in the
 * shadow root takes each `--_*` colour and the browser resolves it.
 */
export function readPalette(root: ShadowRoot, host: HTMLElement): GraphPalette {
  let probe = root.querySelector<HTMLElement>('.palette-probe');
  if (!probe) {
    probe = document.createElement('span');
    probe.className = 'palette-probe';
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText = 'position:absolute;width:0;height:0;overflow:hidden;visibility:hidden';
    root.appendChild(probe);
  }
  const out: Partial<GraphPalette> = {};
  for (const key of KEYS) {
    probe.style.color = `var(--_${key})`;
    out[key] = toRgb(getComputedStyle(probe).color);
  }
  out.font = getComputedStyle(host).fontFamily || 'system-ui, sans-serif';
  return out as GraphPalette;
}

export function samePalette(a: GraphPalette | undefined, b: GraphPalette): boolean {
  return !!a && KEYS.every((k) => a[k] === b[k]) && a.font === b.font;
}

let scratch: CanvasRenderingContext2D | null | undefined;

/**
 * `rgb()`/`rgba()` for any CSS colour: `color-mix()` computes to `color(srgb …)`, which the canvas
 * library does not parse, so such colours are painted on a 1×1 canvas and read back.
 */
export function toRgb(colour: string): string {
  if (/^rgba?\(/.test(colour)) return colour;
  scratch ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!scratch) return colour;
  scratch.clearRect(0, 0, 1, 1);
  scratch.fillStyle = colour;
  scratch.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = scratch.getImageData(0, 0, 1, 1).data;
  return a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${((a ?? 0) / 255).toFixed(3)})`;
}
