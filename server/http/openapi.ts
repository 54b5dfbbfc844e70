// /api/openapi.json, generated from the same route declarations and zod schemas that serve the API.
import { z } from 'zod';
import { anyone } from './access.ts';
import type { Route } from './route.ts';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

const schemaOf = (s: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function parameters(s: z.ZodType | undefined, where: 'path' | 'query' | 'header') {
  if (!s) return [];
  const json = schemaOf(s, 'input');
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema,
  }));
}

export function openApiDocument(routes: readonly Route[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const body = r.body ?? r.rawBody;
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      tags: [r.tag],
      security: r.access === anyone ? [] : [{ bearer: [] }],
      parameters: [
        ...parameters(r.params, 'path'),
        ...parameters(r.query, 'query'),
        ...parameters(r.headers, 'header'),
      ],
      ...(body && {
        requestBody: { required: true, content: { 'application/json': { schema: schemaOf(body, 'input') } } },
      }),
      responses: Object.fromEntries(
        Object.entries(r.responses).map(([status, res]) => [
          status,
          {
            description: res.description,
            ...((res.schema || res.streamed || res.media) && {
              content: {
                ...(res.schema && { 'application/json': { schema: schemaOf(res.schema, 'output') } }),
                // A stream has no one schema: each line is an instance of this one.
                ...(res.streamed && {
                  [res.streamed.type]: { schema: schemaOf(res.streamed.line, 'output') },
                }),
                ...(res.media && { [res.media]: { schema: { type: 'string' } } }),
              },
            }),
          },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Convene API',
      version,
      description:
        'Summit programmes, the summit file (format summit/1) and conflicts. Writes need Authorization: Bearer <token>.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
