// Validators for the exports: the public frab/pretalx schemas, read at test time from
// ../shared/formats/schedule/ (EUPL-1.2, not copied into the repository), and iCalendar parsed
// back by ical.js. `missing` says why a validation cannot run here, for the test to skip with it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import ICAL from 'ical.js';

const dir = fileURLToPath(new URL('../../../shared/formats/schedule/', import.meta.url));
const xsd = join(dir, 'schedule.xml.xsd');
const jsonSchema = join(dir, 'schema.json');

const hasXmllint = () => spawnSync('xmllint', ['--version']).status === 0;

/** Why the schemas cannot be checked here, or null when they can. */
export const schemasMissing = (): string | null =>
  existsSync(xsd) && existsSync(jsonSchema)
    ? null
    : `skipped: the schedule schemas are not in ${dir} (shared/formats/schedule beside the repository)`;
export const xmllintMissing = (): string | null =>
  schemasMissing() ??
  (hasXmllint() ? null : 'skipped: xmllint is not installed (apt-get install libxml2-utils)');

/** xmllint's verdict on a schedule.xml: "validates" or its errors. */
export function xmllintSchedule(xml: string): { ok: boolean; output: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'convene-xml-')), 'schedule.xml');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: run.stderr.trim() };
}

/** The schema's errors for a schedule.json (an empty list when it is valid), with its draft (06). */
export function jsonScheduleErrors(value: unknown): string[] {
  const require = createRequire(import.meta.url);
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  const addFormats = addFormatsModule as unknown as (a: Ajv) => void;
  addFormats(ajv);
  ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/);
  const validate = ajv.compile(JSON.parse(readFileSync(jsonSchema, 'utf8')));
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export type ParsedEvent = { uid: string; summary: string; start: number; end: number; tzid: string | null };

/** A calendar parsed by ical.js, its events' instants computed with the calendar's own VTIMEZONEs. */
export function parseIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const zones = cal.getAllSubcomponents('vtimezone').map((z) => new ICAL.Timezone(z));
  const byId = new Map(zones.map((z) => [z.tzid, z]));
  const instant = (t: ICAL.Time, tzid: string | null) => {
    const zone = tzid ? byId.get(tzid) : null;
    if (tzid && !zone) throw new Error(`no VTIMEZONE for ${tzid}`);
    const copy = t.clone();
    if (zone) copy.zone = zone;
    return copy.toUnixTime() * 1000;
  };
  const events = cal.getAllSubcomponents('vevent').map((v): ParsedEvent => {
    const tzid = (v.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null;
    return {
      uid: String(v.getFirstPropertyValue('uid')),
      summary: String(v.getFirstPropertyValue('summary')),
      start: instant(v.getFirstPropertyValue('dtstart') as ICAL.Time, tzid),
      end: instant(v.getFirstPropertyValue('dtend') as ICAL.Time, tzid),
      tzid,
    };
  });
  return { cal, zones, events };
}
