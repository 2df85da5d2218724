#!/usr/bin/env node
// Builds the app if needed and serves dist/ on 127.0.0.1:<port> (default 4173) for the end-to-end tests.
import { ensureBuilt } from './lib/build.mjs';
import { DIST } from './lib/paths.mjs';
import { startStaticServer } from './lib/static-server.mjs';

ensureBuilt();
const port = Number(process.env.PORT ?? 4173);
const server = await startStaticServer(DIST, [], port);
process.stdout.write(`serving ${DIST} at ${server.url}\n`);
