// Both graph pages: frame intervals while a person drags and wheels (driven from outside with real
// input events).
declare global {
  interface Window {
    benchRecord(): void;
    benchRecorded(): number[];
  }
}

let recording: { stamps: number[]; on: boolean } | undefined;
window.benchRecord = () => {
  const rec = { stamps: [] as number[], on: true };
  recording = rec;
  const tick = (t: number) => {
    if (!rec.on) return;
    rec.stamps.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};
window.benchRecorded = () => {
  const rec = recording;
  if (!rec) return [];
  rec.on = false;
  return rec.stamps.slice(1).map((t, i) => t - rec.stamps[i]!);
};

export {};
