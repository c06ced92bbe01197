-- DropTable
DROP TABLE "Cat";

-- DropEnum
DROP TYPE "Mood";

