-- AlterTable
ALTER TABLE "Item" DROP COLUMN "code",
ADD COLUMN     "code" INTEGER NOT NULL,
DROP COLUMN "label",
ADD COLUMN     "label" INTEGER;

