-- DropTable
DROP TABLE "Post";

