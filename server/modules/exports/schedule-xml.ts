// schedule.xml: the frab model as the XML that schedule.xml.xsd (voc/schedule) describes.
import type { FrabEvent, FrabSchedule } from './frab.ts';

// XML 1.0 allows neither most control characters nor lone surrogates, even escaped: they are dropped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export const xmlText = (value: string) => value.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const attrs = (a: Record<string, string | number>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join('');
const el = (name: string, text: string, a: Record<string, string | number> = {}) =>
  `<${name}${attrs(a)}>${xmlText(text)}</${name}>`;

function eventXml(e: FrabEvent, indent: string): string {
  const persons = e.persons.map((p) => `${indent}    ${el('person', p.name, { guid: p.guid })}`);
  return [
    `${indent}<event${attrs({ guid: e.guid, id: e.id })}>`,
    ...[
      el('date', e.date),
      el('start', e.start),
      el('duration', e.duration),
      el('room', e.room),
      el('slug', e.slug),
      el('url', e.url),
      el('title', e.title),
      el('type', e.type),
      el('track', e.track ?? ''),
      ...(e.language ? [el('language', e.language)] : []),
      el('abstract', e.abstract),
    ].map((line) => `${indent}  ${line}`),
    persons.length
      ? `${indent}  <persons>\n${persons.join('\n')}\n${indent}  </persons>`
      : `${indent}  <persons/>`,
    `${indent}</event>`,
  ].join('\n');
}

export function scheduleXml(s: FrabSchedule): string {
  const c = s.conference;
  const days = s.days.map((d) => {
    const rooms = d.rooms.map((r) =>
      [
        `    <room${attrs({ name: r.room.name, guid: r.room.guid })}>`,
        ...r.events.map((e) => eventXml(e, '      ')),
        '    </room>',
      ].join('\n'),
    );
    const open = `  <day${attrs({ index: d.index, date: d.date, start: d.start, end: d.end })}>`;
    return rooms.length ? [open, ...rooms, '  </day>'].join('\n') : `${open.slice(0, -1)}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<schedule>',
    '  <generator name="Convene"/>',
    `  ${el('version', s.version)}`,
    '  <conference>',
    ...[
      el('acronym', c.acronym),
      el('title', c.title),
      el('start', c.start),
      el('end', c.end),
      el('days', String(s.days.length)),
      el('timeslot_duration', '00:15'),
      el('base_url', s.baseUrl),
      el('url', c.url),
      el('time_zone_name', c.timeZone),
      ...c.tracks.map((t) => el('track', t, { name: t })),
    ].map((line) => `    ${line}`),
    '  </conference>',
    ...days,
    '</schedule>',
    '',
  ].join('\n');
}
