// Number formatting for the dashboard: binary bytes, decimal rates, seconds from ns to hours.

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1536 -> "1.5 KiB"; null or NaN -> "–". */
export function bytes(value) {
  if (value == null || !Number.isFinite(value)) return '–';
  let v = Math.abs(value);
  let i = 0;
  while (v >= 1024 && i < BINARY.length - 1) {
    v /= 1024;
    i++;
  }
  // Number(...) drops trailing zeros: "2 MiB", "1.5 GiB".
  return (value < 0 ? '-' : '') + Number(v.toFixed(i === 0 ? 0 : v < 10 ? 2 : v < 100 ? 1 : 0)) + ' ' + BINARY[i];
}

/** Bytes per second -> "1.5 MiB/s". */
export function byteRate(value) {
  return value == null ? '–' : bytes(value) + '/s';
}

/** Seconds -> "850 ns", "64 µs", "1.2 ms", "3.0 s". */
export function seconds(value) {
  if (value == null || !Number.isFinite(value)) return '–';
  const v = Math.abs(value);
  if (v === 0) return '0 s';
  if (v < 1e-6) return round(value * 1e9) + ' ns';
  if (v < 1e-3) return round(value * 1e6) + ' µs';
  if (v < 1) return round(value * 1e3) + ' ms';
  return round(value) + ' s';
}

/** A ratio 0..1 -> "42%"; with digits, "42.3%". */
export function percent(ratio, digits = 0) {
  return ratio == null || !Number.isFinite(ratio) ? '–' : (ratio * 100).toFixed(digits) + '%';
}

/** Seconds -> "3d 4h", "2h 5m", "4m 10s", "12s". */
export function duration(totalSeconds) {
  if (totalSeconds == null || !Number.isFinite(totalSeconds)) return '–';
  const s = Math.max(0, Math.floor(totalSeconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return d + 'd ' + h + 'h';
  if (h > 0) return h + 'h ' + m + 'm';
  if (m > 0) return m + 'm ' + (s % 60) + 's';
  return s + 's';
}

/** An ISO-8601 instant -> local "HH:MM:SS" today, else "YYYY-MM-DD HH:MM". */
export function clock(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n) => String(n).padStart(2, '0');
  const time = pad(date.getHours()) + ':' + pad(date.getMinutes());
  if (date.toDateString() === new Date().toDateString()) return time + ':' + pad(date.getSeconds());
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' ' + time;
}

function round(v) {
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : v.toFixed(2);
}
