/** `npm run db:migrate` / `npm run db:seed [-- --demo]` against DATABASE_URL (or the embedded database). */
import { closeLibClients, localAuditChainKey, openDatabase, prepareDatabase } from "./lib/app";
import { runSeedCli } from "../prisma/seed";

const log = (line: string) => console.log(`[db] ${line}`);

async function main() {
  const command = process.argv[2];
  const database = await openDatabase("dev", log);
  try {
    localAuditChainKey();
    await prepareDatabase(database, log);
    if (command === "seed") await runSeedCli(database.ownerUrl, process.argv);
    await closeLibClients();
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
