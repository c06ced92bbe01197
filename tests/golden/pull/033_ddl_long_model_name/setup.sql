-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "ThisIsAVeryLongModelNameThatGoesOnAndOnBeyondTheLimitOfPostgresIdentifiers" (
    "id" INTEGER NOT NULL,
    "anotherVeryLongFieldNameThatIsLongToo" TEXT NOT NULL,
    "shortField" INTEGER NOT NULL,

    CONSTRAINT "ThisIsAVeryLongModelNameThatGoesOnAndOnBeyondTheLimitOfPos_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ThisIsAVeryLongModelNameThatGoesOnAndOnBeyondTheLimitOfPost_key" ON "ThisIsAVeryLongModelNameThatGoesOnAndOnBeyondTheLimitOfPostgresIdentifiers"("anotherVeryLongFieldNameThatIsLongToo");

-- CreateIndex
CREATE INDEX "ThisIsAVeryLongModelNameThatGoesOnAndOnBeyondTheLimitOfPost_idx" ON "ThisIsAVeryLongModelNameThatGoesOnAndOnBeyondTheLimitOfPostgresIdentifiers"("shortField");

