// The Chromium every browser suite runs: Debian's (or $CHROMIUM_PATH), with the flags proven on
// these machines (no sandbox as root, no background network traffic to a closed network).
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
