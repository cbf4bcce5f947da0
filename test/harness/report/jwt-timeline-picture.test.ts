import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DOMParser, onWarningStopParsing } from '@xmldom/xmldom';
import type { Document, Element } from '@xmldom/xmldom';
import { jwtTimelinePicture, MAX_DRAWN_REQUESTS, type JwtTimelinePictureInput, type TokenHandOver } from '../../../harness/jwt-timeline-picture.ts';
import type { IssuedTokenEntry, JournalRecord, JwtStatus } from '../../../mock-server/types.ts';
import { useMock } from '../../support/mock-fixture.ts';
import { webRequest } from '../../support/messenger-wire.ts';

/** Strict parse: any warning or error (not only a fatal one) fails the test. */
function parse(svg: string): Document {
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(svg, 'image/svg+xml');
}

function all(doc: Document, tag: string): Element[] {
  return Array.from(doc.getElementsByTagName(tag));
}

function classes(element: Element): string[] {
  return (element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
}

function withClass(doc: Document, tag: string, name: string): Element[] {
  return all(doc, tag).filter((element) => classes(element).includes(name));
}

function child(element: Element, tag: string): Element {
  const found = Array.from(element.getElementsByTagName(tag))[0];
  assert.ok(found, `<${element.tagName} class="${element.getAttribute('class')}"> has no <${tag}>`);
  return found;
}

function requestMarks(doc: Document): Map<number, Element> {
  return new Map(withClass(doc, 'g', 'jt-req').map((mark) => [Number(mark.getAttribute('data-seq')), mark]));
}

/** The position of a request mark, whichever shape its verdict drew. */
function markCentre(mark: Element): { x: number; y: number } {
  const circle = Array.from(mark.getElementsByTagName('circle'))[0];
  if (circle) return { x: Number(circle.getAttribute('cx')), y: Number(circle.getAttribute('cy')) };
  const rect = Array.from(mark.getElementsByTagName('rect'))[0];
  if (rect) return { x: Number(rect.getAttribute('x')) + Number(rect.getAttribute('width')) / 2, y: Number(rect.getAttribute('y')) + Number(rect.getAttribute('height')) / 2 };
  const [x, y] = child(mark, 'path').getAttribute('d')!.slice(1).split(/[ ,l]/).map(Number);
  return { x: x! + 5, y: y! + 5 };
}

function laneColour(doc: Document, key: string): { colour: string; y: number } {
  const lane = withClass(doc, 'g', 'jt-lane').find((candidate) => candidate.getAttribute('data-lane') === key);
  assert.ok(lane, `no lane for ${key}`);
  const swatchRect = Array.from(lane.getElementsByTagName('rect')).find((rect) => classes(rect).includes('jt-swatch'));
  assert.ok(swatchRect, `lane ${key} has no colour swatch`);
  const colour = classes(swatchRect).find((name) => /^jt-(c\d+|other|none)$/.test(name));
  assert.ok(colour, `lane ${key} has no colour class`);
  return { colour, y: Number(swatchRect.getAttribute('y')) + Number(swatchRect.getAttribute('height')) / 2 };
}

const T0 = Date.parse('2026-03-01T12:00:00.000Z');

function iso(offsetS: number): string {
  return new Date(T0 + offsetS * 1000).toISOString();
}

interface RecordSpec {
  seq: number;
  at: number;
  fingerprint?: string;
  status?: JwtStatus;
  userId?: string;
  path?: string;
  exp?: number | null;
}

function record(spec: RecordSpec): JournalRecord {
  const expS = spec.exp === undefined ? T0 / 1000 + 3600 : spec.exp;
  return {
    seq: spec.seq,
    time: iso(spec.at),
    ns: 'default',
    method: 'POST',
    path: spec.path ?? '/messenger/web/ping',
    platform: 'web',
    app_id: 'mockapp1',
    device_id: 'dev-web-1',
    user_agent: null,
    user_data: spec.userId ? { user_id: spec.userId } : null,
    jwt: spec.fingerprint
      ? {
          location: 'body.user_data.intercom_user_jwt',
          fingerprint: spec.fingerprint,
          header: { alg: 'HS256' },
          claims: { user_id: spec.userId ?? 'alice', ...(expS === null ? {} : { exp: expS }) },
          status: spec.status ?? 'valid',
          exp_in_s: expS === null ? null : Math.round(expS - (T0 / 1000 + spec.at)),
        }
      : null,
    session: null,
    identity: spec.userId ? { kind: 'user', user_id: spec.userId, via: 'jwt' } : { kind: 'none' },
    served: { user_ids: spec.userId ? [spec.userId] : [] },
    response: { status: 200 },
  };
}

function token(fingerprint: string, userId: string, afterSeq: number, iatOffsetS: number, ttlS: number | null): IssuedTokenEntry {
  const iat = T0 / 1000 + iatOffsetS;
  return { fingerprint, user_id: userId, iat, exp: ttlS === null ? null : iat + ttlS, after_seq: afterSeq, time: iso(iatOffsetS), via: 'token-service' };
}

/** Alice with token A, a refresh to B, a logout mark, bob with C, and a stale B request after logout. */
function scenario(): JwtTimelinePictureInput {
  return {
    title: 'WEB-LOGOUT-01 on reference-web',
    issued: [token('aaaaaaaaaaaa', 'alice', 0, 0, 300), token('bbbbbbbbbbbb', 'alice', 3, 240, 300), token('cccccccccccc', 'bob', 6, 400, 300)],
    records: [
      record({ seq: 1, at: 1, fingerprint: 'aaaaaaaaaaaa', userId: 'alice' }),
      record({ seq: 2, at: 2, fingerprint: 'aaaaaaaaaaaa', userId: 'alice', path: '/messenger/web/conversations' }),
      record({ seq: 3, at: 100, fingerprint: 'aaaaaaaaaaaa', userId: 'alice' }),
      record({ seq: 4, at: 241, fingerprint: 'bbbbbbbbbbbb', userId: 'alice' }),
      record({ seq: 5, at: 360, fingerprint: 'aaaaaaaaaaaa', userId: 'alice', status: 'expired', exp: T0 / 1000 + 300 }),
      record({ seq: 6, at: 361 }),
      record({ seq: 7, at: 401, fingerprint: 'cccccccccccc', userId: 'bob' }),
      record({ seq: 8, at: 402, fingerprint: 'bbbbbbbbbbbb', userId: 'alice', path: '/messenger/web/conversations' }),
      record({ seq: 9, at: 403, fingerprint: 'ffffffffffff', status: 'bad_signature', userId: 'mallory' }),
    ],
    marks: [{ label: 'alice-logout', seq: 5, time: iso(360.5) }],
    refreshes: [{ seq: 3, fingerprint: 'bbbbbbbbbbbb' }],
    highlight: [8],
  };
}

describe('JWT timeline picture', () => {
  it('is a standalone SVG document that a strict XML parser accepts, with nothing to fetch', () => {
    const svg = jwtTimelinePicture(scenario());
    const doc = parse(svg);
    assert.equal(doc.documentElement!.tagName, 'svg');
    assert.equal(doc.documentElement!.getAttribute('xmlns'), 'http://www.w3.org/2000/svg');
    assert.ok(Number(doc.documentElement!.getAttribute('height')) > 200, 'the document has a height');
    assert.deepEqual(all(doc, 'script'), []);
    assert.doesNotMatch(svg, /href|url\(|@import|@font-face|https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
  });

  it('draws one lane per minted token, one per token the mock never minted, and one for requests without a JWT', () => {
    const doc = parse(jwtTimelinePicture(scenario()));
    const lanes = withClass(doc, 'g', 'jt-lane').map((lane) => [lane.getAttribute('data-lane'), classes(lane).find((name) => name.startsWith('jt-lane-'))]);
    assert.deepEqual(lanes, [
      ['aaaaaaaaaaaa', 'jt-lane-issued'],
      ['bbbbbbbbbbbb', 'jt-lane-issued'],
      ['cccccccccccc', 'jt-lane-issued'],
      ['ffffffffffff', 'jt-lane-unknown'],
      ['none', 'jt-lane-none'],
    ]);
    const texts = all(doc, 'text').map((text) => text.textContent);
    assert.ok(texts.includes('aaaaaaaaaaaa · alice'), 'lane label names the fingerprint and user');
    assert.ok(texts.includes('12:00:00 → 12:05:00 (5 min) · token-service'), 'lane label gives iat → exp');
    assert.ok(texts.includes('not minted by the mock · exp 13:00:00'), 'an unknown token’s lane says the mock never minted it');
    // Each minted token has its bar from minting on; B (A's successor) was handed over.
    assert.deepEqual(withClass(doc, 'g', 'jt-token').map((bar) => bar.getAttribute('data-lane')), ['aaaaaaaaaaaa', 'bbbbbbbbbbbb', 'cccccccccccc']);
    assert.deepEqual(withClass(doc, 'g', 'jt-handover').map((marker) => marker.getAttribute('data-lane')), ['bbbbbbbbbbbb']);
  });

  it('puts every request in the lane of the token it carried, coloured as that lane, shaped by its verdict', () => {
    const input = scenario();
    const doc = parse(jwtTimelinePicture(input));
    const marks = requestMarks(doc);
    assert.equal(marks.size, input.records.length);
    const colours = new Set<string>();
    for (const rec of input.records) {
      const mark = marks.get(rec.seq)!;
      const lane = laneColour(doc, rec.jwt?.fingerprint ?? 'none');
      assert.ok(classes(mark).includes(lane.colour), `#${rec.seq} is coloured ${classes(mark).join(' ')}, its lane ${lane.colour}`);
      assert.ok(classes(mark).includes(`jt-v-${rec.jwt?.status ?? 'none'}`), `#${rec.seq} shows verdict ${rec.jwt?.status ?? 'none'}`);
      assert.ok(Math.abs(markCentre(mark).y - lane.y) < 0.5, `#${rec.seq} sits in its lane`);
      colours.add(lane.colour);
    }
    assert.equal(colours.size, 5, 'each lane has its own colour');
    // Journal order on x; the tooltip says what the request was.
    const xs = input.records.map((rec) => markCentre(marks.get(rec.seq)!).x);
    assert.deepEqual([...xs].sort((a, b) => a - b), xs);
    assert.equal(child(marks.get(5)!, 'title').textContent, [
      '#5 POST /messenger/web/ping → 200',
      'JWT aaaaaaaaaaaa (user_id alice): expired, expired 60 s before receipt',
      'identity: alice via jwt',
      'served: alice',
      'web · mock time 2026-03-01T12:06:00.000Z',
    ].join('\n'));
    assert.equal(child(marks.get(5)!, 'circle').tagName, 'circle');
    assert.equal(Array.from(marks.get(9)!.getElementsByTagName('circle')).length, 0, 'a rejected token is drawn as a cross, not a dot');
  });

  it('draws a mark as a dashed boundary between the request at its seq and the next, labelled', () => {
    const doc = parse(jwtTimelinePicture(scenario()));
    const marks = requestMarks(doc);
    const [boundary] = withClass(doc, 'g', 'jt-mark');
    assert.ok(boundary, 'a mark is drawn');
    const x = Number(child(boundary, 'line').getAttribute('x1'));
    assert.equal(child(boundary, 'line').getAttribute('x2'), String(x));
    const before = markCentre(marks.get(5)!).x;
    const after = markCentre(marks.get(6)!).x;
    assert.ok(before < x && x < after, `boundary at x=${x} lies between #5 (${before}) and #6 (${after})`);
    assert.ok(Math.abs(x - (before + after) / 2) < 0.5, 'halfway between the two slots');
    assert.equal(child(boundary, 'text').textContent, 'alice-logout (after #5, 12:06:00.500)');
  });

  it('places each token’s exp between the last request before it and the first at or after it, by mock time', () => {
    const doc = parse(jwtTimelinePicture(scenario()));
    const marks = requestMarks(doc);
    const barOf = (key: string): Element => withClass(doc, 'g', 'jt-token').find((bar) => bar.getAttribute('data-lane') === key)!;
    const expX = Number(Array.from(barOf('aaaaaaaaaaaa').getElementsByTagName('line')).find((line) => classes(line).includes('jt-exp'))!.getAttribute('x1'));
    assert.ok(markCentre(marks.get(4)!).x < expX && expX < markCentre(marks.get(5)!).x, 'A expired (12:05:00) after #4 (12:04:01) and before #5 (12:06:00)');
    const mintedX = Number(Array.from(barOf('bbbbbbbbbbbb').getElementsByTagName('line')).find((line) => classes(line).includes('jt-minted'))!.getAttribute('x1'));
    assert.ok(markCentre(marks.get(3)!).x < mintedX && mintedX < markCentre(marks.get(4)!).x, 'B was minted after #3');
    // A's bar fades from B's hand-over on: requests on the faded part carried a superseded token.
    assert.equal(withClass(doc, 'rect', 'jt-bar-superseded').length, 1);
  });

  it('escapes hostile text from the journal, the marks and the title', () => {
    const input = scenario();
    const records = [...input.records];
    records[1] = { ...records[1]!, path: '/messenger/web/<script>alert(1)</script>' };
    records[2] = { ...records[2]!, identity: { kind: 'user', user_id: 'a"li&ce\u0000', via: 'jwt' } };
    input.records = records;
    input.marks = [{ label: '"><script>alert(2)</script>', seq: 5, time: iso(360) }];
    input.title = "<b>Tom & Jerry's</b>";
    input.issued = [{ ...input.issued[0]!, user_id: '</text><script>x' }, ...input.issued.slice(1)];
    const svg = jwtTimelinePicture(input);
    const doc = parse(svg);
    assert.deepEqual(all(doc, 'script'), []);
    assert.deepEqual(all(doc, 'b'), []);
    assert.doesNotMatch(svg, /\u0000/);
    const marks = requestMarks(doc);
    assert.match(child(marks.get(2)!, 'title').textContent!, /^#2 POST \/messenger\/web\/<script>alert\(1\)<\/script> → 200/);
    assert.match(child(marks.get(3)!, 'title').textContent!, /identity: a"li&ce\u2400 via jwt/);
    assert.match(child(withClass(doc, 'g', 'jt-mark')[0]!, 'text').textContent!, /^"><script>alert\(2\)<\/script> \(after #5/);
    assert.equal(all(doc, 'title')[0]!.textContent, "<b>Tom & Jerry's</b>");
    assert.ok(all(doc, 'text').some((text) => text.textContent === 'aaaaaaaaaaaa · </text><script>x'), 'a hostile user_id is text in the lane label');
  });

  it('rings the requests a failing verdict names, at their marks, and says when one is not drawn', () => {
    const input = { ...scenario(), highlight: [8, 42] };
    const doc = parse(jwtTimelinePicture(input));
    const rings = withClass(doc, 'g', 'jt-highlight');
    assert.deepEqual(rings.map((ring) => ring.getAttribute('data-seq')), ['8']);
    const ring = child(rings[0]!, 'circle');
    const centre = markCentre(requestMarks(doc).get(8)!);
    assert.deepEqual([Number(ring.getAttribute('cx')), Number(ring.getAttribute('cy'))], [centre.x, centre.y]);
    assert.ok(Number(ring.getAttribute('r')) > 5, 'the ring is larger than a mark');
    assert.ok(all(doc, 'text').some((text) => text.textContent === 'highlighted #42 is not among the drawn requests'));
    assert.deepEqual(withClass(parse(jwtTimelinePicture({ ...scenario(), highlight: [] })), 'g', 'jt-highlight'), []);
  });

  it('says so when there is nothing to draw', () => {
    const doc = parse(jwtTimelinePicture({ records: [], issued: [] }));
    assert.deepEqual(withClass(doc, 'g', 'jt-lane'), []);
    assert.deepEqual(withClass(doc, 'g', 'jt-req'), []);
    assert.ok(all(doc, 'text').some((text) => text.textContent === 'No requests recorded and no tokens minted.'));
    const tokensOnly = parse(jwtTimelinePicture({ records: [], issued: [token('aaaaaaaaaaaa', 'alice', 0, 0, 60)] }));
    assert.equal(withClass(tokensOnly, 'g', 'jt-lane').length, 1);
    assert.ok(all(tokensOnly, 'text').some((text) => text.textContent === 'No requests recorded.'));
  });

  it('draws a single request, and a token without exp as running past the last request', () => {
    const doc = parse(jwtTimelinePicture({ records: [record({ seq: 1, at: 1, fingerprint: 'aaaaaaaaaaaa', userId: 'alice', exp: null })], issued: [token('aaaaaaaaaaaa', 'alice', 0, 0, null)] }));
    assert.equal(requestMarks(doc).size, 1);
    assert.ok(all(doc, 'text').some((text) => text.textContent === 'no exp →'));
    assert.ok(all(doc, 'text').some((text) => text.textContent === '12:00:00 → no exp · token-service'));
  });

  it('keeps hundreds of requests compact and caps what it draws beyond that, saying so', () => {
    const many = (count: number): JwtTimelinePictureInput => ({
      records: Array.from({ length: count }, (_, index) => record({ seq: index + 1, at: index * 0.2, fingerprint: index % 2 ? 'aaaaaaaaaaaa' : 'bbbbbbbbbbbb', userId: 'alice' })),
      issued: [token('aaaaaaaaaaaa', 'alice', 0, 0, 3600), token('bbbbbbbbbbbb', 'alice', 0, 0, 3600)],
    });
    const hundreds = jwtTimelinePicture(many(400));
    assert.equal(requestMarks(parse(hundreds)).size, 400);
    assert.ok(hundreds.length < 200_000, `400 requests take ${hundreds.length} characters`);
    const thousands = parse(jwtTimelinePicture(many(5000)));
    const drawn = requestMarks(thousands);
    assert.equal(drawn.size, MAX_DRAWN_REQUESTS);
    assert.ok(drawn.has(5000) && !drawn.has(5000 - MAX_DRAWN_REQUESTS), 'the latest requests are the ones drawn');
    assert.ok(all(thousands, 'text').some((text) => text.textContent === `only the latest ${MAX_DRAWN_REQUESTS} of 5000 requests are drawn (from #${5001 - MAX_DRAWN_REQUESTS}); the text timeline has them all`));
  });

  it('flags where the mock clock jumped between two requests', () => {
    const doc = parse(jwtTimelinePicture(scenario()));
    const jumps = withClass(doc, 'g', 'jt-clock-jump').map((jump) => child(jump, 'title').textContent);
    assert.deepEqual(jumps, ['mock clock moved +98 s between #2 and #3', 'mock clock moved +141 s between #3 and #4', 'mock clock moved +119 s between #4 and #5']);
  });

  it('labels the largest clock jumps first where labels would overlap', () => {
    // 60 requests a minute apart, and one six-minute jump among them: too crowded to label every jump.
    const at = (index: number) => index * 60 + (index >= 30 ? 300 : 0);
    const records = Array.from({ length: 60 }, (_, index) => record({ seq: index + 1, at: at(index), fingerprint: 'aaaaaaaaaaaa', userId: 'alice' }));
    const doc = parse(jwtTimelinePicture({ records, issued: [token('aaaaaaaaaaaa', 'alice', 0, 0, 7200)] }));
    const jumps = withClass(doc, 'g', 'jt-clock-jump');
    assert.equal(jumps.length, 59, 'every jump keeps its chevron');
    const labels = jumps.flatMap((jump) => Array.from(jump.getElementsByTagName('text')).map((text) => text.textContent));
    assert.ok(labels.includes('+6 min'), `the six-minute jump is labelled (labels: ${labels.join(', ')})`);
    assert.ok(labels.length < 59, 'crowded labels are left out');
  });
});

describe('JWT timeline picture of a real mock run', () => {
  const mock = useMock();

  async function backend(path: string, body: Record<string, unknown>, cookie?: string): Promise<{ body: Record<string, unknown>; cookie: string | undefined }> {
    const response = await fetch(`${mock.url}/app-backend${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
    return { body: (await response.json()) as Record<string, unknown>, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? cookie };
  }

  async function send(path: string, userId: string | null, jwt: string | null): Promise<number> {
    const response = await webRequest(mock.url, path, userId ? { user_data: { user_id: userId, ...(jwt ? { intercom_user_jwt: jwt } : {}) } } : {});
    return response.seq!;
  }

  /**
   * Alice signs in (token A, 5 min), the clock moves, the app refreshes to B; a stray request
   * still carries A, then A expires; alice logs out; bob signs in (C); a request after logout
   * still carries alice's B (the leak a verdict names), one carries a forged token.
   * Set JWT_TIMELINE_PICTURE_SAMPLE=/tmp/timeline.svg to keep the picture for a look.
   */
  it('shows the refresh hand-over, the logout boundary and the stale request after it', async () => {
    await mock.admin.reset();
    const refreshes: TokenHandOver[] = [];
    const alice = await backend('/login', { user_id: 'alice' });
    const a = (await backend('/jwt', { ttl_s: 300 }, alice.cookie)).body as { token: string; fingerprint: string };
    for (const path of ['ping', 'conversations', 'events', 'launcher_settings']) await send(path, 'alice', a.token);
    await mock.admin.clock({ advance_s: 240 });
    const b = (await backend('/jwt', { ttl_s: 300 }, alice.cookie)).body as { token: string; fingerprint: string };
    refreshes.push({ seq: (await mock.admin.health()).journal.total, fingerprint: b.fingerprint });
    await send('metrics', 'alice', a.token);
    for (const path of ['ping', 'conversations', 'messages']) await send(path, 'alice', b.token);
    await mock.admin.clock({ advance_s: 90 });
    await send('events', 'alice', a.token);
    await send('ping', 'alice', b.token);
    await backend('/logout', {}, alice.cookie);
    await mock.admin.mark('alice-logout');
    await send('ping', null, null);
    const bob = await backend('/login', { user_id: 'bob' });
    const c = (await backend('/jwt', { ttl_s: 300 }, bob.cookie)).body as { token: string; fingerprint: string };
    await send('ping', 'bob', c.token);
    const stale = await send('conversations', 'alice', b.token);
    await send('conversations', 'bob', c.token);
    // A canonical signature of the right length that is simply not the workspace's: bad_signature, not malformed.
    await send('ping', 'bob', `eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoiYm9iIn0.${Buffer.alloc(32, 7).toString('base64url')}`);
    await send('messages', 'bob', c.token);

    const input: JwtTimelinePictureInput = {
      title: 'WEB-LOGOUT-01 · sample run against the mock',
      records: await mock.admin.requests(),
      issued: await mock.admin.issuedTokens(),
      marks: await mock.admin.marks(),
      refreshes,
      highlight: [stale],
    };
    const svg = jwtTimelinePicture(input);
    if (process.env['JWT_TIMELINE_PICTURE_SAMPLE']) writeFileSync(process.env['JWT_TIMELINE_PICTURE_SAMPLE'], svg);
    const doc = parse(svg);

    const lanes = withClass(doc, 'g', 'jt-lane').map((lane) => lane.getAttribute('data-lane'));
    assert.equal(lanes.length, 5);
    assert.deepEqual(lanes.slice(0, 3), [a.fingerprint, b.fingerprint, c.fingerprint]);
    assert.equal(lanes[4], 'none');
    const marks = requestMarks(doc);
    assert.equal(marks.size, input.records.length);
    assert.ok(classes(marks.get(stale)!).includes(laneColour(doc, b.fingerprint).colour), 'the stale request is in B’s colour');
    const staleX = markCentre(marks.get(stale)!).x;
    const logoutX = Number(child(withClass(doc, 'g', 'jt-mark')[0]!, 'line').getAttribute('x1'));
    assert.ok(logoutX < staleX, 'the stale request lies after the logout boundary');
    assert.equal(withClass(doc, 'g', 'jt-highlight')[0]!.getAttribute('data-seq'), String(stale));
    const [handOver, ...others] = withClass(doc, 'g', 'jt-handover');
    assert.deepEqual([handOver?.getAttribute('data-lane'), others.length], [b.fingerprint, 0], 'B, and only B, was handed over');
    const handOverX = Number(handOver!.getAttribute('data-x'));
    const refreshSeq = refreshes[0]!.seq;
    assert.ok(markCentre(marks.get(refreshSeq)!).x < handOverX && handOverX < markCentre(marks.get(refreshSeq + 1)!).x, `hand-over at x=${handOverX} lies right after #${refreshSeq}, where the refresh happened, before A's stray #${refreshSeq + 1}`);
    const verdicts = input.records.map((rec) => rec.jwt?.status ?? 'none');
    assert.deepEqual(verdicts, ['valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'expired', 'valid', 'none', 'valid', 'valid', 'valid', 'bad_signature', 'valid']);
    for (const rec of input.records) assert.ok(classes(marks.get(rec.seq)!).includes(`jt-v-${rec.jwt?.status ?? 'none'}`), `#${rec.seq} shows its verdict`);
  });
});
