import type { IssuedTokenEntry, JournalRecord, JwtStatus } from '../mock-server/types.ts';

/**
 * The JWT timeline as a picture: a standalone SVG document (no fonts, scripts or URLs to fetch)
 * with one lane per token, a bar from its minting to its `exp`, the journal's marks as dashed
 * boundaries, and every request a mark in the lane of the token it carried.
 *
 * The x axis is the journal's order, not the clock. Record times, mark times, `iat` and `exp`
 * all come from the mock's clock, but tests move that clock (`advance_s` to expire a token,
 * `offset_s` even backwards), so a linear time axis would crush a whole scenario into a sliver
 * beside a one-hour jump, or draw requests out of order. Seq is the order things happened in,
 * and marks (`seq`) and minting (`after_seq`) are defined by it exactly; so each drawn request
 * gets one equal slot, a token's `exp` sits between the last request received before it and
 * the first at or after it (by mock time), and the axis labels give the mock time of requests
 * and flag where the clock jumped.
 */

export interface TimelineMark {
  label: string;
  /** The journal's last seq when the mark was set: requests after it have a greater seq. */
  seq: number;
  time: string;
  /** The sender's send counter at the boundary: then requests *sent* after it (greater `sent`) come after it, wherever they landed. */
  sent?: number | null;
}

export interface TokenHandOver {
  /** The journal's last seq when the subject was handed the token. */
  seq: number;
  fingerprint: string;
}

export interface JwtTimelinePictureInput {
  records: readonly JournalRecord[];
  issued: readonly IssuedTokenEntry[];
  marks?: readonly TimelineMark[];
  /** When the harness handed each refreshed token over; without it, a token's first use stands in. */
  refreshes?: readonly TokenHandOver[];
  title?: string;
  /** Seqs named by a failing verdict: drawn with a ring. */
  highlight?: readonly number[];
}

/** Beyond this many requests only the latest are drawn, so the document stays a few hundred kB. */
export const MAX_DRAWN_REQUESTS = 1500;
/** Beyond this many token lanes the least telling ones fold into one "other tokens" lane. */
export const MAX_TOKEN_LANES = 24;

const WIDTH = 1200;
const LABEL_X = 16;
const PLOT_X0 = 300;
const PLOT_X1 = WIDTH - 40;
const LANE_H = 36;
const CLOCK_JUMP_S = 60;
/** Room a clock-jump label needs on the axis ("+60 s" at 10.5 px). */
const JUMP_LABEL_GAP = 44;
/** Avoids red, which belongs to the failing-verdict ring, and grey, which belongs to "no JWT". */
const PALETTE = ['#1f77b4', '#e8710a', '#2ca02c', '#9467bd', '#17becf', '#8c564b', '#e377c2', '#a6a600', '#393b79', '#4f7942'];
const OTHER_COLOUR = '#5a5a5a';
const NO_JWT_COLOUR = '#8a8a8a';
const TIME_VERDICTS: readonly JwtStatus[] = ['expired', 'not_yet_valid'];

type LaneKind = 'issued' | 'unknown' | 'other' | 'none';

interface Lane {
  kind: LaneKind;
  /** Fingerprint for token lanes; a fixed key for the folded and no-JWT lanes. */
  key: string;
  colourClass: string;
  title: string;
  detail: string;
  entry?: IssuedTokenEntry;
  y: number;
}

interface Layout {
  records: JournalRecord[];
  slotW: number;
  /** x of the boundary after `seq`: between the last drawn request at or before it and the next. */
  boundaryX(seq: number): number;
  slotX(index: number): number;
}

export function jwtTimelinePicture(input: JwtTimelinePictureInput): string {
  const sorted = [...input.records].sort((a, b) => a.seq - b.seq);
  const records = sorted.slice(-MAX_DRAWN_REQUESTS);
  const notes: string[] = [];
  if (sorted.length > records.length) notes.push(`only the latest ${records.length} of ${sorted.length} requests are drawn (from #${records[0]!.seq}); the text timeline has them all`);
  const highlight = new Set(input.highlight ?? []);
  const drawnSeqs = new Set(records.map((record) => record.seq));
  const missing = [...highlight].filter((seq) => !drawnSeqs.has(seq));
  if (missing.length > 0) notes.push(`highlighted ${missing.map((seq) => `#${seq}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not among the drawn requests`);

  const marks = (input.marks ?? []).map((mark) => placedBySendOrder(mark, sorted)).sort((a, b) => a.seq - b.seq);
  const markRows = markLabelRows(marks.length);
  const lanesTop = 64 + markRows * 16 + (notes.length > 0 ? notes.length * 15 : 0);
  const lanes = buildLanes(records, input.issued, input.refreshes ?? [], highlight, lanesTop);
  // With nothing to draw, one empty lane's height holds the message that says so.
  const lanesBottom = lanesTop + Math.max(lanes.length, 1) * LANE_H;
  const layout = buildLayout(records);
  const axisY = lanesBottom + 10;
  const legendY = axisY + 66;
  const height = legendY + 92;

  const laneOf = new Map(lanes.map((lane) => [lane.key, lane]));
  const otherLane = lanes.find((lane) => lane.kind === 'other');
  const noJwtLane = lanes.find((lane) => lane.kind === 'none');
  const laneFor = (record: JournalRecord): Lane =>
    record.jwt ? (laneOf.get(record.jwt.fingerprint) ?? otherLane!) : noJwtLane!;

  const title = input.title ?? 'JWT timeline';
  const parts: string[] = [];
  parts.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" class="jt" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img">`);
  parts.push(`<title>${xml(title)}</title>`);
  parts.push(`<style>${STYLE}</style>`);
  parts.push(`<rect class="jt-bg" x="0" y="0" width="${WIDTH}" height="${height}"/>`);
  parts.push(`<text class="jt-title" x="${LABEL_X}" y="24">${xml(truncate(title, 120))}</text>`);
  parts.push(`<text class="jt-summary" x="${LABEL_X}" y="42">${xml(summary(sorted, records, lanes))}</text>`);
  notes.forEach((note, index) => parts.push(`<text class="jt-note" x="${LABEL_X}" y="${58 + index * 15}">${xml(note)}</text>`));

  parts.push(...renderLanes(lanes, layout, input.refreshes ?? [], records));
  if (records.length === 0) {
    parts.push(`<text class="jt-empty" x="${(PLOT_X0 + PLOT_X1) / 2}" y="${(lanesTop + lanesBottom) / 2 + 4}">No requests recorded${input.issued.length === 0 ? ' and no tokens minted' : ''}.</text>`);
  }
  parts.push(...renderMarks(marks, layout, lanesTop, lanesBottom));
  parts.push(...renderRequests(layout, laneFor, highlight, lanesTop, lanesBottom));
  parts.push(...renderAxis(layout, axisY));
  parts.push(...renderLegend(legendY));
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function buildLanes(records: JournalRecord[], issued: readonly IssuedTokenEntry[], refreshes: readonly TokenHandOver[], highlight: Set<number>, top: number): Lane[] {
  const entries = new Map<string, IssuedTokenEntry>();
  for (const entry of issued) if (!entries.has(entry.fingerprint)) entries.set(entry.fingerprint, entry);
  const uses = new Map<string, number>();
  const unknownClaims = new Map<string, Record<string, unknown> | null>();
  for (const record of records) {
    if (!record.jwt) continue;
    uses.set(record.jwt.fingerprint, (uses.get(record.jwt.fingerprint) ?? 0) + 1);
    if (!entries.has(record.jwt.fingerprint) && !unknownClaims.has(record.jwt.fingerprint)) unknownClaims.set(record.jwt.fingerprint, record.jwt.claims);
  }
  for (const handOver of refreshes) if (!entries.has(handOver.fingerprint) && !unknownClaims.has(handOver.fingerprint)) unknownClaims.set(handOver.fingerprint, null);

  let fingerprints = [...entries.keys(), ...unknownClaims.keys()];
  let folded: string[] = [];
  if (fingerprints.length > MAX_TOKEN_LANES) {
    // Keep the tokens a failing verdict names, then the most used; order stays as minted.
    const named = new Set(records.filter((record) => highlight.has(record.seq) && record.jwt).map((record) => record.jwt!.fingerprint));
    const ranked = [...fingerprints].sort((a, b) => Number(named.has(b)) - Number(named.has(a)) || (uses.get(b) ?? 0) - (uses.get(a) ?? 0));
    const kept = new Set(ranked.slice(0, MAX_TOKEN_LANES - 1));
    folded = fingerprints.filter((fingerprint) => !kept.has(fingerprint));
    fingerprints = fingerprints.filter((fingerprint) => kept.has(fingerprint));
  }

  const lanes: Omit<Lane, 'y'>[] = fingerprints.map((fingerprint, index) => {
    const colourClass = `jt-c${index % PALETTE.length}`;
    const entry = entries.get(fingerprint);
    if (entry) {
      const ttl = entry.iat !== null && entry.exp !== null ? ` (${duration(entry.exp - entry.iat)})` : '';
      return {
        kind: 'issued',
        key: fingerprint,
        colourClass,
        entry,
        title: `${fingerprint} · ${entry.user_id ?? 'no user_id'}`,
        detail: `${epochClock(entry.iat)} → ${entry.exp === null ? 'no exp' : epochClock(entry.exp)}${ttl} · ${entry.via}`,
      };
    }
    const claims = unknownClaims.get(fingerprint) ?? null;
    const userId = typeof claims?.['user_id'] === 'string' ? claims['user_id'] : 'no user_id';
    const exp = typeof claims?.['exp'] === 'number' ? ` · exp ${epochClock(claims['exp'])}` : '';
    return { kind: 'unknown', key: fingerprint, colourClass, title: `${fingerprint} · ${userId}`, detail: `not minted by the mock${exp}` };
  });
  if (folded.length > 0) lanes.push({ kind: 'other', key: 'other', colourClass: 'jt-other', title: `${folded.length} other tokens`, detail: 'folded to keep the picture readable' });
  if (records.some((record) => !record.jwt)) lanes.push({ kind: 'none', key: 'none', colourClass: 'jt-none', title: 'no JWT', detail: 'requests that carried no token' });
  return lanes.map((lane, index) => ({ ...lane, y: top + index * LANE_H + LANE_H / 2 }));
}

function buildLayout(records: JournalRecord[]): Layout {
  const slotW = (PLOT_X1 - PLOT_X0) / Math.max(records.length, 1);
  const seqs = records.map((record) => record.seq);
  return {
    records,
    slotW,
    slotX: (index) => PLOT_X0 + (index + 0.5) * slotW,
    boundaryX: (seq) => PLOT_X0 + countAtOrBelow(seqs, seq) * slotW,
  };
}

/** Binary search: how many of the ascending `seqs` are ≤ `seq`. */
function countAtOrBelow(seqs: number[], seq: number): number {
  let low = 0;
  let high = seqs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (seqs[middle]! <= seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * x of a moment on the mock's clock: between the last request before it and the first request
 * received at or after it, interpolated by mock time; null when every drawn request came before it.
 */
function momentX(layout: Layout, epochS: number): number | null {
  const moment = epochS * 1000;
  const times = layout.records.map((record) => Date.parse(record.time));
  const after = times.findIndex((time) => time >= moment);
  if (after === -1) return null;
  if (after === 0) return PLOT_X0;
  const before = times[after - 1]!;
  const span = times[after]! - before;
  const fraction = span > 0 && Number.isFinite(span) ? Math.min(1, Math.max(0, (moment - before) / span)) : 0.5;
  return layout.slotX(after - 1) + fraction * layout.slotW;
}

function renderLanes(lanes: Lane[], layout: Layout, refreshes: readonly TokenHandOver[], records: JournalRecord[]): string[] {
  const out: string[] = ['<g class="jt-lanes">'];
  lanes.forEach((lane, index) => {
    const top = lane.y - LANE_H / 2;
    out.push(`<g class="jt-lane jt-lane-${lane.kind}" data-lane="${xml(lane.key)}">`);
    if (index % 2 === 0) out.push(`<rect class="jt-stripe" x="0" y="${top}" width="${WIDTH}" height="${LANE_H}"/>`);
    out.push(`<rect class="jt-swatch ${lane.colourClass}" x="${LABEL_X}" y="${lane.y - 11}" width="6" height="22" rx="2"/>`);
    out.push(`<text class="jt-lane-title" x="${LABEL_X + 12}" y="${lane.y - 2}">${xml(truncate(lane.title, 34))}</text>`);
    out.push(`<text class="jt-lane-detail" x="${LABEL_X + 12}" y="${lane.y + 12}">${xml(truncate(lane.detail, 44))}</text>`);
    out.push('</g>');
  });

  // Hand-over: the refresh that gave the subject this token, else its first use when an older
  // token of the same user exists. A predecessor's bar fades from its successor's hand-over on.
  const handOverX = new Map<string, { x: number; how: string }>();
  for (const handOver of refreshes) handOverX.set(handOver.fingerprint, { x: layout.boundaryX(handOver.seq), how: `handed over after #${handOver.seq}` });
  const issuedLanes = lanes.filter((lane) => lane.kind === 'issued');
  const successorOf = new Map<string, Lane>();
  for (const lane of issuedLanes) {
    const later = issuedLanes.filter((other) => other !== lane && other.entry!.user_id === lane.entry!.user_id && other.entry!.after_seq >= lane.entry!.after_seq && issuedLanes.indexOf(other) > issuedLanes.indexOf(lane));
    if (later[0]) successorOf.set(lane.key, later[0]);
    if (later[0] && !handOverX.has(later[0].key)) {
      const firstUse = records.findIndex((record) => record.jwt?.fingerprint === later[0]!.key);
      if (firstUse !== -1) handOverX.set(later[0].key, { x: layout.slotX(firstUse) - layout.slotW / 2, how: `first sent in #${records[firstUse]!.seq}` });
    }
  }

  for (const lane of lanes) {
    if (lane.kind === 'issued' && layout.records.length > 0) out.push(...renderBar(lane, layout, successorOf.get(lane.key), handOverX));
    const handOver = handOverX.get(lane.key);
    if (handOver && (lane.kind === 'issued' || lane.kind === 'unknown')) {
      const x = fixed(handOver.x);
      const top = lane.y - 9;
      out.push(`<g class="jt-handover ${lane.colourClass}" data-lane="${xml(lane.key)}" data-x="${x}"><title>${xml(`hand-over of ${lane.key}: ${handOver.how}`)}</title><path d="M${fixed(handOver.x - 6)},${top - 9} L${fixed(handOver.x + 6)},${top - 9} L${x},${top} Z"/><text class="jt-handover-label" x="${fixed(handOver.x + 8)}" y="${top - 2}">hand-over</text></g>`);
    }
  }
  out.push('</g>');
  return out;
}

function renderBar(lane: Lane, layout: Layout, successor: Lane | undefined, handOverX: Map<string, { x: number; how: string }>): string[] {
  const entry = lane.entry!;
  const start = layout.boundaryX(entry.after_seq);
  const expX = entry.exp === null ? null : momentX(layout, entry.exp);
  const end = expX ?? PLOT_X1 + 14;
  const supersededAt = successor ? (handOverX.get(successor.key)?.x ?? layout.boundaryX(successor.entry!.after_seq)) : null;
  const solidEnd = supersededAt === null ? end : Math.max(start, Math.min(end, supersededAt));
  const out: string[] = [`<g class="jt-token ${lane.colourClass}" data-lane="${xml(lane.key)}">`];
  const tip = `${lane.key} minted via ${entry.via} after #${entry.after_seq} (mock time ${clock(entry.time)}); iat ${epochClock(entry.iat)}, exp ${entry.exp === null ? 'none' : epochClock(entry.exp)}`;
  out.push(`<title>${xml(tip)}</title>`);
  if (end <= start) {
    out.push(`<text class="jt-bar-note" x="${fixed(start + 6)}" y="${lane.y + 4}">expired before it was minted into the journal</text>`);
  } else {
    out.push(`<rect class="jt-bar" x="${fixed(start)}" y="${lane.y - 4}" width="${fixed(solidEnd - start)}" height="8" rx="3"/>`);
    if (solidEnd < end) out.push(`<rect class="jt-bar-superseded" x="${fixed(solidEnd)}" y="${lane.y - 4}" width="${fixed(end - solidEnd)}" height="8"/>`);
  }
  out.push(`<line class="jt-minted" x1="${fixed(start)}" y1="${lane.y - 9}" x2="${fixed(start)}" y2="${lane.y + 9}"/>`);
  if (expX !== null) {
    out.push(`<line class="jt-exp" x1="${fixed(expX)}" y1="${lane.y - 11}" x2="${fixed(expX)}" y2="${lane.y + 11}"/>`);
    out.push(`<text class="jt-exp-label" x="${fixed(expX + 3)}" y="${lane.y - 7}">exp</text>`);
  } else {
    const last = layout.records.at(-1)!;
    const after = entry.exp === null ? 'no exp' : `exp ${duration(entry.exp - Math.floor(Date.parse(last.time) / 1000))} after #${last.seq}`;
    out.push(`<text class="jt-exp-later" x="${PLOT_X1 + 14}" y="${lane.y - 7}" text-anchor="end">${xml(after)} →</text>`);
  }
  out.push('</g>');
  return out;
}

function renderMarks(marks: TimelineMark[], layout: Layout, lanesTop: number, lanesBottom: number): string[] {
  const out: string[] = ['<g class="jt-marks">'];
  const rowEnds: number[] = [];
  for (const mark of marks) {
    const x = layout.boundaryX(mark.seq);
    const label = `${truncate(mark.label, 40)} (${typeof mark.sent === 'number' ? `sent ≤ ${mark.sent}` : `after #${mark.seq}`}, ${clock(mark.time)})`;
    const labelWidth = label.length * 6.2;
    let row = rowEnds.findIndex((rowEnd) => rowEnd < x);
    if (row === -1) row = Math.min(rowEnds.length, markLabelRows(marks.length) - 1);
    rowEnds[row] = x + labelWidth + 8;
    const labelY = lanesTop - 8 - row * 16;
    const anchorRight = x + labelWidth > WIDTH - 8;
    out.push(`<g class="jt-mark" data-seq="${mark.seq}" data-x="${fixed(x)}"><title>${xml(`mark "${mark.label}": requests after #${mark.seq} came after it (mock time ${mark.time})`)}</title>`);
    out.push(`<line class="jt-mark-line" x1="${fixed(x)}" y1="${labelY + 3}" x2="${fixed(x)}" y2="${lanesBottom}"/>`);
    out.push(`<text class="jt-mark-label" x="${fixed(anchorRight ? x - 4 : x + 4)}" y="${labelY}"${anchorRight ? ' text-anchor="end"' : ''}>${xml(label)}</text></g>`);
  }
  out.push('</g>');
  return out;
}

/**
 * A mark with a send counter is drawn before the first request sent after it: where the app's
 * logout (or hand-over) happened, not where the harness set the mark.
 */
function placedBySendOrder(mark: TimelineMark, records: readonly JournalRecord[]): TimelineMark {
  if (typeof mark.sent !== 'number') return mark;
  const sent = mark.sent;
  const firstAfter = records.find((record) => typeof record.sent === 'number' && record.sent > sent);
  return { ...mark, seq: firstAfter ? firstAfter.seq - 1 : mark.seq };
}

function markLabelRows(count: number): number {
  return Math.min(Math.max(count, 1), 4);
}

function renderRequests(layout: Layout, laneFor: (record: JournalRecord) => Lane, highlight: Set<number>, lanesTop: number, lanesBottom: number): string[] {
  const out: string[] = ['<g class="jt-requests">'];
  const radius = Math.min(5, Math.max(2, layout.slotW * 0.42));
  const rings: string[] = [];
  layout.records.forEach((record, index) => {
    const lane = laneFor(record);
    const x = layout.slotX(index);
    const y = lane.y;
    const verdict = record.jwt?.status ?? 'none';
    const cx = fixed(x);
    let shape: string;
    if (!record.jwt) shape = `<rect x="${fixed(x - radius * 0.8)}" y="${fixed(y - radius * 0.8)}" width="${fixed(radius * 1.6)}" height="${fixed(radius * 1.6)}"/>`;
    else if (verdict === 'valid') shape = `<circle cx="${cx}" cy="${y}" r="${fixed(radius)}"/>`;
    else if (TIME_VERDICTS.includes(verdict as JwtStatus)) shape = `<circle cx="${cx}" cy="${y}" r="${fixed(radius - 0.5)}"/>`;
    else {
      const arm = fixed(radius);
      shape = `<path d="M${fixed(x - radius)},${fixed(y - radius)} l${arm},${arm} l${arm},${arm} M${fixed(x - radius)},${fixed(y + radius)} l${fixed(radius * 2)},-${fixed(radius * 2)}"/>`;
    }
    out.push(`<g class="jt-req ${lane.colourClass} jt-v-${verdict}" data-seq="${record.seq}"><title>${xml(describe(record))}</title>${shape}</g>`);
    if (highlight.has(record.seq)) {
      rings.push(`<rect class="jt-hl-band" x="${fixed(x - Math.max(layout.slotW, 10) / 2)}" y="${lanesTop}" width="${fixed(Math.max(layout.slotW, 10))}" height="${lanesBottom - lanesTop}"/>`);
      rings.push(`<g class="jt-highlight" data-seq="${record.seq}"><title>${xml(`#${record.seq} is named by the failing verdict`)}</title><circle cx="${cx}" cy="${y}" r="${fixed(radius + 5)}"/><text class="jt-hl-label" x="${cx}" y="${y - radius - 8}">#${record.seq}</text></g>`);
    }
  });
  out.push('</g>', '<g class="jt-highlights">', ...rings, '</g>');
  return out;
}

function renderAxis(layout: Layout, axisY: number): string[] {
  const out: string[] = ['<g class="jt-axis">'];
  out.push(`<line class="jt-axis-line" x1="${PLOT_X0}" y1="${axisY}" x2="${PLOT_X1}" y2="${axisY}"/>`);
  out.push(`<text class="jt-axis-name" x="${LABEL_X}" y="${axisY + 16}">request (journal seq)</text>`);
  out.push(`<text class="jt-axis-name" x="${LABEL_X}" y="${axisY + 30}">mock clock, UTC</text>`);
  const { records } = layout;
  const every = Math.max(1, Math.ceil(records.length / Math.floor((PLOT_X1 - PLOT_X0) / 84)));
  for (let index = 0; index < records.length; index += every) {
    const x = fixed(layout.slotX(index));
    out.push(`<line class="jt-tick" x1="${x}" y1="${axisY}" x2="${x}" y2="${axisY + 4}"/>`);
    out.push(`<text class="jt-tick-seq" x="${x}" y="${axisY + 16}">#${records[index]!.seq}</text>`);
    out.push(`<text class="jt-tick-time" x="${x}" y="${axisY + 30}">${xml(clock(records[index]!.time))}</text>`);
  }
  // Every jump gets its chevron (and tooltip); labels go to the largest jumps first, where they fit.
  const jumps: { index: number; x: number; jumpS: number }[] = [];
  for (let index = 1; index < records.length; index += 1) {
    const jumpS = (Date.parse(records[index]!.time) - Date.parse(records[index - 1]!.time)) / 1000;
    if (Math.abs(jumpS) >= CLOCK_JUMP_S) jumps.push({ index, x: layout.slotX(index) - layout.slotW / 2, jumpS });
  }
  const labelledXs: number[] = [];
  for (const jump of [...jumps].sort((a, b) => Math.abs(b.jumpS) - Math.abs(a.jumpS))) {
    if (labelledXs.every((x) => Math.abs(x - jump.x) >= JUMP_LABEL_GAP)) labelledXs.push(jump.x);
  }
  for (const { index, x: rawX, jumpS } of jumps) {
    const x = fixed(rawX);
    const sign = jumpS > 0 ? '+' : '−';
    const label = labelledXs.includes(rawX) ? `<text x="${x}" y="${axisY + 44}">${sign}${duration(Math.abs(jumpS))}</text>` : '';
    out.push(`<g class="jt-clock-jump"><title>${xml(`mock clock moved ${sign}${Math.round(Math.abs(jumpS))} s between #${records[index - 1]!.seq} and #${records[index]!.seq}`)}</title><path d="M${fixed(Number(x) - 4)},${axisY - 5} l4,10 l4,-10"/>${label}</g>`);
  }
  out.push('</g>');
  return out;
}

function renderLegend(y: number): string[] {
  const c = PALETTE[0];
  const rows: [string, string][][] = [
    [
      [`<circle cx="5" cy="0" r="5" fill="${c}"/>`, 'valid JWT'],
      [`<circle cx="5" cy="0" r="4.5" fill="#fff" stroke="${c}" stroke-width="2"/>`, 'expired / not yet valid'],
      [`<path d="M0,-5 l10,10 M0,5 l10,-10" stroke="${c}" stroke-width="2.5"/>`, 'rejected (signature, alg, claims…)'],
      [`<rect x="1" y="-4" width="8" height="8" fill="${NO_JWT_COLOUR}"/>`, 'no JWT'],
      [`<circle cx="5" cy="0" r="8" fill="none" stroke="#d62728" stroke-width="2.5"/>`, 'named by the failing verdict'],
    ],
    [
      [`<rect x="-1" y="-4" width="12" height="8" rx="3" fill="${c}" fill-opacity="0.3"/>`, 'token, from minting to exp'],
      [`<rect x="-1" y="-4" width="12" height="8" fill="${c}" fill-opacity="0.08" stroke="${c}" stroke-dasharray="3 2"/>`, 'after a newer token for that user'],
      [`<path d="M-1,-6 L11,-6 L5,3 Z" fill="${c}" stroke="#333" stroke-width="0.8"/>`, 'hand-over to the token'],
      [`<line x1="5" y1="-8" x2="5" y2="8" stroke="#444" stroke-width="1.5" stroke-dasharray="4 3"/>`, 'journal mark (logout, …)'],
      [`<path d="M1,-5 l4,10 l4,-10" fill="none" stroke="#b35c00" stroke-width="1.5"/>`, 'mock clock jumped'],
    ],
  ];
  const out = ['<g class="jt-legend">', `<text class="jt-legend-title" x="${LABEL_X}" y="${y + 4}">Colour = the token a request carried · shape = its verdict at the mock</text>`];
  rows.forEach((row, index) => {
    let x = LABEL_X + 6;
    for (const [sample, text] of row) {
      out.push(`<g transform="translate(${x},${y + 26 + index * 22})">${sample}<text x="18" y="4">${xml(text)}</text></g>`);
      x += 18 + text.length * 6.4 + 30;
    }
  });
  out.push(`<text class="jt-legend-note" x="${LABEL_X}" y="${y + 26 + rows.length * 22 + 4}">${xml("x is journal order (one slot per request), not clock time: tests shift the mock's clock. Hover a mark for its seq, path, status, verdict, identity and served users.")}</text>`);
  out.push('</g>');
  return out;
}

function describe(record: JournalRecord): string {
  const jwt = record.jwt;
  let verdict = 'no JWT';
  if (jwt) {
    const owner = typeof jwt.claims?.['user_id'] === 'string' ? ` (user_id ${jwt.claims['user_id']})` : '';
    const expiry = jwt.exp_in_s === null ? ', no exp' : jwt.exp_in_s > 0 ? `, exp in ${jwt.exp_in_s} s` : jwt.exp_in_s === 0 ? ', expired at receipt' : `, expired ${-jwt.exp_in_s} s before receipt`;
    verdict = `JWT ${jwt.fingerprint}${owner}: ${jwt.status}${expiry}`;
  }
  const identity = record.identity;
  const who = identity.kind === 'none' ? 'none' : `${identity.user_id ?? identity.lead_id ?? '?'} via ${identity.via ?? '?'}`;
  const served = [...record.served.user_ids, ...(record.served.lead_ids ?? []).map((lead) => `lead ${lead}`)];
  return truncate(
    [
      `#${record.seq} ${record.method} ${record.path} → ${record.response.status}${record.response.error ? ` (${record.response.error})` : ''}`,
      verdict,
      `identity: ${who}`,
      `served: ${served.join(', ') || 'nobody'}`,
      `${record.platform} · mock time ${record.time}`,
    ].join('\n'),
    600,
  );
}

function summary(all: JournalRecord[], drawn: JournalRecord[], lanes: Lane[]): string {
  const tokens = lanes.filter((lane) => lane.kind === 'issued').length;
  const unknown = lanes.filter((lane) => lane.kind === 'unknown').length;
  const span = drawn.length > 0 ? ` · mock clock ${clock(drawn[0]!.time)} → ${clock(drawn.at(-1)!.time)} UTC` : '';
  const seqs = drawn.length > 0 ? ` (#${drawn[0]!.seq}–#${drawn.at(-1)!.seq})` : '';
  return `${all.length} request${all.length === 1 ? '' : 's'}${seqs} · ${tokens} token${tokens === 1 ? '' : 's'} minted by the mock${unknown > 0 ? ` · ${unknown} not minted by it` : ''}${span}`;
}

/** HH:MM:SS(.mmm) of an ISO time on the mock's clock; the raw text when it does not parse. */
function clock(iso: string): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return iso;
  const text = new Date(time).toISOString();
  return text.endsWith('.000Z') ? text.slice(11, 19) : text.slice(11, 23);
}

function epochClock(epochS: number | null): string {
  if (epochS === null) return '—';
  const date = new Date(epochS * 1000);
  return Number.isFinite(date.getTime()) ? date.toISOString().slice(11, 19) : String(epochS);
}

function duration(seconds: number): string {
  const abs = Math.abs(seconds);
  const sign = seconds < 0 ? '−' : '';
  if (abs < 120) return `${sign}${Math.round(abs)} s`;
  if (abs < 120 * 60) return `${sign}${Math.round(abs / 60)} min`;
  if (abs < 48 * 3600) return `${sign}${(abs / 3600).toFixed(1).replace(/\.0$/, '')} h`;
  return `${sign}${(abs / 86400).toFixed(1).replace(/\.0$/, '')} d`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function fixed(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * Text made safe for XML: markup characters escaped, and characters XML 1.0 cannot hold at all
 * (C0 controls become their Unicode control pictures, ␀ for NUL; lone surrogates and
 * U+FFFE/U+FFFF become U+FFFD), since a journal carries whatever a client sent.
 */
export function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (control) => String.fromCharCode(0x2400 + control.charCodeAt(0)))
    .replace(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const STYLE = [
  '.jt text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:12px;fill:#222}',
  '.jt .jt-bg{fill:#fff}',
  '.jt .jt-title{font-size:16px;font-weight:600}',
  '.jt .jt-summary,.jt .jt-lane-detail,.jt .jt-axis-name,.jt .jt-legend-note{fill:#555;font-size:11px}',
  '.jt .jt-note{fill:#b35c00;font-size:11px}',
  '.jt .jt-empty{fill:#777;text-anchor:middle;font-style:italic}',
  '.jt .jt-stripe{fill:#f5f6f8}',
  '.jt .jt-lane-title{font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12px;font-weight:600}',
  '.jt .jt-lane-detail{font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:10px}',
  ...PALETTE.map((colour, index) => `.jt .jt-c${index}{fill:${colour};stroke:${colour}}`),
  `.jt .jt-other{fill:${OTHER_COLOUR};stroke:${OTHER_COLOUR}}`,
  `.jt .jt-none{fill:${NO_JWT_COLOUR};stroke:${NO_JWT_COLOUR}}`,
  '.jt .jt-swatch{stroke:none}',
  '.jt .jt-token text{fill:#555;font-size:10px}',
  '.jt .jt-bar{fill-opacity:.3;stroke:none}',
  '.jt .jt-bar-superseded{fill-opacity:.08;stroke-opacity:.55;stroke-dasharray:3 2;stroke-width:1}',
  '.jt .jt-minted{stroke-width:2}',
  '.jt .jt-exp{stroke-width:2;stroke-dasharray:2 1.5}',
  '.jt .jt-bar-note{font-style:italic}',
  '.jt .jt-handover path{stroke:#333;stroke-width:.8}',
  '.jt .jt-handover text{fill:#333;font-size:10px}',
  '.jt .jt-mark-line{stroke:#444;stroke-width:1.5;stroke-dasharray:6 4}',
  '.jt .jt-mark-label{font-weight:600;fill:#333}',
  '.jt .jt-req{stroke-width:0}',
  '.jt .jt-v-expired,.jt .jt-v-not_yet_valid{fill:#fff;stroke-width:2}',
  '.jt .jt-v-bad_signature,.jt .jt-v-malformed,.jt .jt-v-missing_user_id,.jt .jt-v-alg_not_allowed,.jt .jt-v-user_mismatch{fill:none;stroke-width:2.5}',
  '.jt .jt-hl-band{fill:#d62728;fill-opacity:.07}',
  '.jt .jt-highlight circle{fill:none;stroke:#d62728;stroke-width:2.5}',
  '.jt .jt-hl-label{fill:#d62728;font-weight:700;font-size:11px;text-anchor:middle}',
  '.jt .jt-axis-line,.jt .jt-tick{stroke:#666;stroke-width:1}',
  '.jt .jt-tick-seq,.jt .jt-tick-time{font-size:10.5px;text-anchor:middle;fill:#444}',
  '.jt .jt-tick-time{fill:#777}',
  '.jt .jt-clock-jump path{fill:none;stroke:#b35c00;stroke-width:1.5}',
  '.jt .jt-clock-jump text{fill:#b35c00;font-size:10.5px;font-weight:600;text-anchor:middle}',
  '.jt .jt-legend text{font-size:11.5px}',
  // A white halo keeps labels legible where they cross bars and marks.
  '.jt .jt-hl-label,.jt .jt-mark-label,.jt .jt-handover text,.jt .jt-token text{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}',
  '.jt .jt-legend-title{font-weight:600}',
].join('');
