// `npm run db:migrate`: applies the migrations in drizzle/ to the database the settings name
// (PostgreSQL with DATABASE_URL, else the embedded one, through the console's socket when it
// runs). The console migrates on start too; a PostgreSQL deployment runs this before workers.
import { migrateDatabase } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open";
import { ConfigurationError, env } from "@/lib/env";

try {
  env();
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const database = await openDatabase();
try {
  await migrateDatabase(database.db);
  process.stdout.write("Migrations applied.\n");
} finally {
  await database.close();
}
