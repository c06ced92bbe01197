-- DropIndex
DROP INDEX "Doc_slug_key";

-- AlterTable
ALTER TABLE "Doc" DROP CONSTRAINT "Doc_pkey",
ADD CONSTRAINT "Doc_pkey" PRIMARY KEY ("slug");

