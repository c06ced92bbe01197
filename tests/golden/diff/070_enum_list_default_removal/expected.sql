-- AlterEnum
BEGIN;
CREATE TYPE "Flag_new" AS ENUM ('A', 'B');
ALTER TABLE "T" ALTER COLUMN "flags" DROP DEFAULT;
ALTER TABLE "T" ALTER COLUMN "flags" TYPE "Flag_new"[] USING ("flags"::text::"Flag_new"[]);
ALTER TYPE "Flag" RENAME TO "Flag_old";
ALTER TYPE "Flag_new" RENAME TO "Flag";
DROP TYPE "Flag_old";
ALTER TABLE "T" ALTER COLUMN "flags" SET DEFAULT ARRAY['A']::"Flag"[];
COMMIT;

-- AlterTable
ALTER TABLE "T" ALTER COLUMN "flags" SET DEFAULT ARRAY['A']::"Flag"[];

