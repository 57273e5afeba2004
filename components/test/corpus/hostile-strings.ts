/**
 * Hostile strings for the hardening suites: each would run `__xss(<id>)` (or set
 * `window.__xssMarker`) if a view ever treated it as HTML, a URL, a template or chart markup.
 * Views must show each one as plain text. Ids are unique so a failure names its payload.
 */
export interface HostilePayload {
  id: number;
  text: string;
}

const raw: string[] = [
  // script tags
  '<script>__xss(1)</script>',
  '<SCRIPT SRC=data:text/javascript,__xss(2)></SCRIPT>',
  '<scr<script>ipt>__xss(3)</scr</script>ipt>',
  '</title></textarea></style></script><script>__xss(4)</script>',
  '<script type="module">__xss(5)</script>',
  // event handler attributes
  '<img src=x onerror=__xss(6)>',
  '<img src="x" onerror="__xss(7)">',
  '<IMG SRC=# onerror="__xss(8)">',
  '<svg onload=__xss(9)>',
  '<svg><script>__xss(10)</script></svg>',
  '<svg/onload=__xss(11)>',
  '<body onload=__xss(12)>',
  '<iframe srcdoc="<script>parent.__xss(13)</script>"></iframe>',
  '<details open ontoggle=__xss(14)>',
  '<video><source onerror=__xss(15)></video>',
  '<audio src=x onerror=__xss(16)>',
  '<input autofocus onfocus=__xss(17)>',
  '<marquee onstart=__xss(18)>x</marquee>',
  '<object data="javascript:__xss(19)"></object>',
  '<embed src="javascript:__xss(20)">',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(21)>',
  '<noscript><p title="</noscript><img src=x onerror=__xss(22)>">',
  // javascript: URLs
  'javascript:__xss(23)',
  'JaVaScRiPt:__xss(24)',
  'java\tscript:__xss(25)',
  '&#106;avascript:__xss(26)',
  '<a href="javascript:__xss(27)">click</a>',
  'data:text/html,<script>__xss(28)</script>',
  // attribute breakers
  '"><img src=x onerror=__xss(29)>',
  "'><svg onload=__xss(30)>",
  '" onmouseover="__xss(31)" x="',
  "' onfocus='__xss(32)' autofocus='",
  '`><img src=x onerror=__xss(33)>',
  '--><img src=x onerror=__xss(34)><!--',
  ']]><img src=x onerror=__xss(35)>',
  // template literal / interpolation tricks
  '${__xss(36)}',
  '`${__xss(37)}`',
  '{{constructor.constructor("__xss(38)")()}}',
  '#{__xss(39)}',
  '<%= __xss(40) %>',
  '{{__xss(41)}}',
  // CSS injection
  '</style><style>*{background:url("javascript:__xss(42)")}</style>',
  'red;background-image:url(javascript:__xss(43))',
  '<div style="width:expression(__xss(44))">x</div>',
  '@import "javascript:__xss(45)";',
  // unicode bidi / zero-width
  'safe\u202Egnp.exe<img src=x onerror=__xss(46)>',
  '\u200B<\u200Bscript>__xss(47)</script>',
  '\u2066\u2067\u2068<b>bold</b>\u2069 \uFEFFzero\u200Dwidth',
  // HTML entities (must show literally, not decoded)
  '&lt;script&gt;__xss(49)&lt;/script&gt;',
  '&#60;img src=x onerror=__xss(50)&#62;',
  '&quot;&gt;&lt;svg onload=__xss(51)&gt;',
  // echarts rich text / formatter markup
  '{a|__xss(52)}{b|<img src=x onerror=__xss(52)>}',
  '{@seriesName}{c}<br/><img src=x onerror=__xss(53)>',
  // cytoscape label content / selectors
  'node[id="x"] { label: "<img src=x onerror=__xss(54)>" }',
  '\n<img src=x onerror=__xss(55)>\n',
  // prototype / JSON tricks
  '__proto__',
  '{"__proto__":{"innerHTML":"<img src=x onerror=__xss(57)>"}}',
  // very long strings
  `${'A'.repeat(5000)}<img src=x onerror=__xss(58)>`,
  `${'<b>'.repeat(400)}__xss(59)`,
  // markdown-ish and mixed
  '[link](javascript:__xss(60))',
  '![img](x" onerror="__xss(61))',
];

export const HOSTILE_STRINGS: readonly HostilePayload[] = raw.map((text, i) => ({ id: i + 1, text }));

/** Text with invisible and formatting characters removed and whitespace collapsed, for comparisons. */
export function normalizeText(text: string): string {
  return text.replace(/[\u200B-\u200D\u2066-\u2069\u202A-\u202E\uFEFF]/g, '').replace(/\s+/g, ' ');
}

/** A normalized piece of a payload that any view showing it as text contains (long strings may be cut). */
export function visibleProbe(text: string): string {
  const t = normalizeText(text).trim();
  return t.length > 40 ? t.slice(-30) : t;
}
