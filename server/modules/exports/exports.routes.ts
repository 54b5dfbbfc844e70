import { z } from 'zod';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { slugParams } from '../../../shared/schemas/api.ts';
import { languageSchema } from '../../../shared/schemas/enums.ts';
import type { Db } from '../../db/client.ts';
import { anyone } from '../../http/access.ts';
import { etagMatches } from '../../http/conditional.ts';
import { errorResponse as errors, type Route, route } from '../../http/route.ts';
import { inSummit } from '../../http/summit-route.ts';
import { preferredLanguage } from '../mail/mail.service.ts';
import { EXPORT_FORMATS, type ExportFormat, renderExport } from './exports.service.ts';
import { assembleCalendar, type ProgrammeCache, stamped } from './programme-cache.ts';

type Responses = Parameters<typeof route>[0]['responses'];
const conditional = z.object({
  'if-none-match': z.string().optional(),
  'accept-language': z.string().optional(),
});
/** The CSV's headings: in `?lang=`, else the Accept-Language header's, else the summit's language. */
const langQuery = z.object({
  lang: languageSchema.optional().describe('the language of the headings (en, fr, es)'),
});

const SUMMARIES: Record<ExportFormat, string> = {
  xml: 'The published programme in the frab/pretalx schedule XML that conference apps read',
  json: 'The published programme as schedule JSON (frab/pretalx), for conference apps',
  ics: 'Every published session as an iCalendar event, in the summit’s zone',
  csv: 'One row per published session, for spreadsheets (UTF-8 with BOM; formulas neutralised)',
};

export function exportRoutes(db: Db, programmes: ProgrammeCache): Route[] {
  return (Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => {
    const { type, file } = EXPORT_FORMATS[format];
    return route({
      method: 'get',
      path: `/api/summits/:slug/${file}`,
      tag: 'exports',
      access: anyone,
      params: slugParams,
      headers: conditional,
      ...(format === 'csv' && { query: langQuery }),
      summary: SUMMARIES[format],
      responses: {
        ...(format === 'csv' && { 400: errors('not a language') }),
        200: { description: `${file} (with an ETag)`, media: type },
        304: { description: 'the copy the client has (If-None-Match) is current' },
        404: errors('no such summit, or not one the caller may see'),
      } as Responses,
      handle: ({ params, headers, query, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) => {
          const held = await programmes.current(ctx.summit);
          const { snapshot } = held;
          const language =
            (query as { lang?: Language } | undefined)?.lang ??
            preferredLanguage(headers['accept-language']) ??
            ctx.summit.language;
          // The CSV differs by language: its tag says which, and caches keep one copy per language.
          const etag = format === 'csv' ? `W/"${snapshot.tag}-${language}"` : `W/"${snapshot.tag}"`;
          const cache = {
            etag,
            'cache-control': 'no-cache',
            ...(format === 'csv' && { vary: 'Accept-Language' }),
          };
          if (etagMatches(headers['if-none-match'], etag)) return { status: 304, headers: cache };
          return {
            status: 200,
            type,
            text:
              format === 'ics'
                ? // Assembled from each session's event (programme-cache.ts), stamped for this copy.
                  stamped(
                    held.calendar('summit', (events) =>
                      assembleCalendar(snapshot.programme.summit, snapshot.programme.sessions, events),
                    ),
                    Date.now(),
                  )
                : renderExport(snapshot, format, Date.now(), language),
            headers: { ...cache, 'content-disposition': `attachment; filename="${params.slug}-${file}"` },
          };
        }),
    });
  });
}
