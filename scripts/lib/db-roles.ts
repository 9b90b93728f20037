/**
 * The two database roles (SECURITY.md): migrations and seeds run as the owner of the schema; the
 * application connects as APP_LOGIN_ROLE, a member of the `techex_app` group role that the security
 * migration grants only the DML the application needs (and only SELECT/INSERT on the audit tables).
 * The login role owns nothing in `public`, is not a superuser, and so cannot alter tables, disable
 * triggers or change session_replication_role. It owns the job queue's own schema (pg-boss), which
 * creates a table per queue.
 */
import pg from "pg";
import PgBoss from "pg-boss";

export const APP_GROUP_ROLE = "techex_app";
export const APP_LOGIN_ROLE = "techex_web";
export const JOBS_SCHEMA = "pgboss";

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `url` with its user and password replaced. */
export function withCredentials(url: string, user: string, password: string) {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/**
 * Creates (or updates the password of) the application's login role on the server behind `ownerUrl`,
 * hands it the job schema of that database, and installs pg-boss there as that role. Needs an owner
 * that may create roles (the embedded server's owner is its superuser). Returns the app's URL.
 */
export async function provisionAppRole(ownerUrl: string, password: string, log: (line: string) => void = () => {}) {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const database = new URL(ownerUrl).pathname.slice(1);
  try {
    const { rowCount: group } = await owner.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_GROUP_ROLE]);
    if (!group) throw new Error(`role ${APP_GROUP_ROLE} is missing: apply the migrations first`);
    const literal = owner.escapeLiteral(password);
    const attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT";
    // Serialized: parallel runs against one server (test workers, two `npm start`s) race on CREATE ROLE.
    await owner.query("SELECT pg_advisory_lock(7302026)");
    try {
      const { rowCount: exists } = await owner.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_LOGIN_ROLE]);
      if (exists) await owner.query(`ALTER ROLE ${ident(APP_LOGIN_ROLE)} ${attributes} PASSWORD ${literal}`);
      else await owner.query(`CREATE ROLE ${ident(APP_LOGIN_ROLE)} ${attributes} PASSWORD ${literal}`);
      await owner.query(`GRANT ${ident(APP_GROUP_ROLE)} TO ${ident(APP_LOGIN_ROLE)}`);
    } finally {
      await owner.query("SELECT pg_advisory_unlock(7302026)");
    }

    // The job schema belongs to the app role: pg-boss adds a partition table per queue at run time.
    const { rows } = await owner.query<{ owner: string }>(
      "SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = $1",
      [JOBS_SCHEMA],
    );
    if (rows[0] && rows[0].owner !== APP_LOGIN_ROLE) {
      // Made by an earlier version as the owner: queued runs are disposable, schedules are re-created.
      log(`recreating the job schema "${JOBS_SCHEMA}" for ${APP_LOGIN_ROLE}`);
      await owner.query(`DROP SCHEMA ${ident(JOBS_SCHEMA)} CASCADE`);
    }
    const appUrl = withCredentials(ownerUrl, APP_LOGIN_ROLE, password);
    if (!rows[0] || rows[0].owner !== APP_LOGIN_ROLE) {
      // pg-boss installs itself with CREATE SCHEMA IF NOT EXISTS, which needs CREATE on the database:
      // granted for the install only, then taken back.
      await owner.query(`GRANT CREATE ON DATABASE ${ident(database)} TO ${ident(APP_LOGIN_ROLE)}`);
      try {
        const boss = new PgBoss({
          connectionString: appUrl,
          schema: JOBS_SCHEMA,
          supervise: false,
          schedule: false,
          max: 1,
        });
        boss.on("error", (error) => log(`pg-boss: ${error.message}`));
        await boss.start();
        await boss.stop({ graceful: false, wait: true });
      } finally {
        await owner.query(`REVOKE CREATE ON DATABASE ${ident(database)} FROM ${ident(APP_LOGIN_ROLE)}`);
      }
    }
    return appUrl;
  } finally {
    await owner.end();
  }
}

/** True when `url` connects as a superuser or as the owner of the audit table (unsafe for the app). */
export async function isPrivilegedConnection(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ privileged: boolean }>(
      `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
           OR pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'audit_events'::regclass), 'USAGE') AS privileged`,
    );
    return rows[0]?.privileged ?? true;
  } finally {
    await client.end();
  }
}
