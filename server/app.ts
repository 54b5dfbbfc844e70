// Builds the Express app; index.ts listens, tests call it with supertest.
import express, { type Express } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db/client.ts';
import { anyone } from './http/access.ts';
import { authenticate } from './http/authenticate.ts';
import { errorHandler, mountRoutes } from './http/mount.ts';
import { openApiDocument } from './http/openapi.ts';
import { errorsReply, route, type Route } from './http/route.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { conflictRoutes } from './modules/conflicts/conflicts.routes.ts';
import { inviteRoutes } from './modules/invites/invites.routes.ts';
import { exportRoutes } from './modules/exports/exports.routes.ts';
import { programmeCache } from './modules/exports/exports.service.ts';
import { feedRoutes } from './modules/feeds/feeds.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { mailRoutes } from './modules/mail/mail.routes.ts';
import { marketplaceRoutes } from './modules/marketplace/marketplace.routes.ts';
import { createMailer, type Mailer } from './modules/mail/mailer.ts';
import { programmeRoutes } from './modules/programme/programme.routes.ts';
import { proposalRoutes } from './modules/proposals/proposals.routes.ts';
import { rolesRoutes } from './modules/roles/roles.routes.ts';
import { scheduleRoutes } from './modules/schedule/schedule.routes.ts';
import { summitRoutes } from './modules/summits/summits.routes.ts';

export type AppOptions = {
  db: Db;
  adminToken?: string;
  /** Where mail goes; by default it is held in the outbox (no mail server). */
  mailer?: Mailer;
  /** The built client (vite build) to serve; omitted in API-only tests. */
  clientDir?: string;
  version?: string;
  /** Express's "trust proxy": set it behind an HTTPS proxy so that cookies get Secure. */
  trustProxy?: string | number | boolean;
};

export function apiRoutes(db: Db, mailer: Mailer, adminToken: string | undefined): Route[] {
  // The published programme and its calendars, held while current (checked on every fetch).
  const programmes = programmeCache(db, mailer.publicUrl);
  return [
    ...summitRoutes(db),
    ...programmeRoutes(db),
    ...scheduleRoutes(db),
    ...exportRoutes(db, programmes),
    ...feedRoutes(db, mailer.publicUrl, programmes),
    ...authRoutes(db, mailer, adminToken),
    ...rolesRoutes(db, mailer),
    ...mailRoutes(db, mailer),
    ...auditRoutes(db),
    ...conflictRoutes(db, mailer),
    ...inviteRoutes(db),
    ...proposalRoutes(db, mailer),
    ...marketplaceRoutes(db, mailer),
  ];
}

export function createApp(opts: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (opts.trustProxy !== undefined) app.set('trust proxy', opts.trustProxy);
  // No upgrade-insecure-requests: the demo is served over plain http on localhost.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  const mailer = opts.mailer ?? createMailer({ delivers: false, publicUrl: 'http://localhost:3000' });
  const routes = apiRoutes(opts.db, mailer, opts.adminToken);
  const openapi = route({
    method: 'get',
    path: '/api/openapi.json',
    tag: 'meta',
    access: anyone,
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1' } },
    handle: async () => ({ status: 200, body: document }),
  });
  const document = openApiDocument([...routes, openapi], opts.version ?? '0.0.0');
  app.use('/api', authenticate(opts.db, opts.adminToken));
  app.use(mountRoutes([...routes, openapi]));
  app.use('/api', (req, res) => {
    const reply = errorsReply(404, [{ path: '', message: `no route ${req.method} ${req.originalUrl}` }]);
    res.status(reply.status).json((reply as { body: unknown }).body);
  });
  if (opts.clientDir && existsSync(opts.clientDir)) {
    app.use(express.static(opts.clientDir, { index: false, maxAge: '1h' }));
    // The client routes in the browser: every other path gets the app's page.
    app.get('/{*path}', (_req, res) => {
      res.sendFile(join(opts.clientDir!, 'index.html'), { maxAge: 0 });
    });
  }
  app.use(errorHandler);
  return app;
}
