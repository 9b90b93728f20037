/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
 * the SQL that takes the committed schema (git HEAD) to the working prisma/schema.prisma.
 * Add hand-written SQL (triggers, search indexes) to the same file, below the generated part.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { onInterrupt, openDatabase } from "./lib/app";

async function main() {
  const name = (process.argv[2] ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!name) throw new Error("usage: npm run db:migration -- <name>");
  let previous: string | null = null;
  try {
    previous = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    previous = null; // no committed schema yet: diff from empty
  }
  // The driver-adapter engine needs a live connection even to diff two files.
  const database = await openDatabase("migration", () => {});
  onInterrupt(
    () => database.stop(),
    () => {},
  );
  const committed = previous ? writeTemp(previous) : null;
  try {
    const from = committed ? ["--from-schema-datamodel", committed] : ["--from-empty"];
    const sql = execFileSync(
      path.join("node_modules", ".bin", "prisma"),
      ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: database.url } },
    );
    if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
      console.log("schema.prisma has no changes against HEAD: no migration written.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`wrote ${dir}/migration.sql`);
  } finally {
    if (committed) fs.rmSync(path.dirname(committed), { recursive: true, force: true });
    await database.stop();
  }
}

function writeTemp(content: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "techex-schema-"));
  const file = path.join(dir, "schema.prisma");
  fs.writeFileSync(file, content);
  return file;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
