// Numbers as people read them on a call-center floor.
export function duration(s: number | null | undefined): string {
  if (s === null || s === undefined || !isFinite(s)) return '–';
  const t = Math.max(0, Math.round(s));
  const h = Math.floor(t / 3600), m = Math.floor((t % 3600) / 60), sec = t % 60;
  const mm = String(m).padStart(2, '0'), ss = String(sec).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)}%`;
}
export function seconds(v: number | null | undefined): string {
  return v === null || v === undefined ? '–' : `${v.toFixed(1)}s`;
}
