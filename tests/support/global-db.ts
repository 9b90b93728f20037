/**
 * One PostgreSQL server per test run: the embedded one (or DATABASE_URL's server when set),
 * migrations applied once to a template database; every test file then gets its own copy.
 * The run's throw-away cluster and upload folder go when it ends, however it ends (dev-db.ts).
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import {
  defaultDataDir,
  reapWhenGone,
  removeStaleThrowAways,
  startEmbeddedPostgres,
  throwAwayDir,
  type EmbeddedDb,
} from "../../scripts/dev-db";
import { provisionAppRole } from "../../scripts/lib/db-roles";
import { migrate } from "../../scripts/migrate";
import { withDatabase } from "./urls";

declare module "vitest" {
  export interface ProvidedContext {
    dbServerUrl: string;
    dbTemplate: string;
    /** The same server as the unprivileged application role (a member of techex_app). */
    dbAppServerUrl: string;
    /** This run's upload folder; each test file stores under its own subfolder. */
    uploadsRoot: string;
  }
}

export default async function setup(project: TestProject) {
  await removeStaleThrowAways();
  const uploadsRoot = throwAwayDir("test-uploads");
  const removeUploads = () => fs.rmSync(uploadsRoot, { recursive: true, force: true });
  process.on("exit", removeUploads);
  reapWhenGone([uploadsRoot]);
  let embedded: EmbeddedDb | undefined;
  let serverUrl: string;
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL;
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: defaultDataDir("test"), ephemeral: true });
    serverUrl = embedded.url("postgres");
  }
  const template = `techex_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await migrate(withDatabase(serverUrl, template));
  // The tests run lib code as the application runs in production: as the app role, not the owner.
  const appTemplateUrl = await provisionAppRole(withDatabase(serverUrl, template), "techex-web-test").catch(
    (error: Error) => {
      if (embedded) throw error;
      console.warn(`[tests] no app role on DATABASE_URL's server (${error.message}): tests run as the owner`);
      return withDatabase(serverUrl, template);
    },
  );
  await admin.end();

  project.provide("dbServerUrl", serverUrl);
  project.provide("dbAppServerUrl", withDatabase(appTemplateUrl, "postgres"));
  project.provide("dbTemplate", template);
  project.provide("uploadsRoot", path.relative(process.cwd(), uploadsRoot));

  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => {});
    await client.end();
    await embedded?.stop();
    removeUploads();
  };
}
