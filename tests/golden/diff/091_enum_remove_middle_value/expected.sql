-- AlterEnum
BEGIN;
CREATE TYPE "Level_new" AS ENUM ('LOW', 'TOP');
ALTER TABLE "Task" ALTER COLUMN "level" TYPE "Level_new" USING ("level"::text::"Level_new");
ALTER TABLE "Task" ALTER COLUMN "levels" TYPE "Level_new"[] USING ("levels"::text::"Level_new"[]);
ALTER TYPE "Level" RENAME TO "Level_old";
ALTER TYPE "Level_new" RENAME TO "Level";
DROP TYPE "Level_old";
COMMIT;

