-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Score" (
    "id" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "level" INTEGER NOT NULL,

    CONSTRAINT "Score_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Score_name_key" ON "Score"("name" DESC);

-- CreateIndex
CREATE INDEX "Score_points_idx" ON "Score"("points" DESC);

-- CreateIndex
CREATE INDEX "Score_level_points_idx" ON "Score"("level" ASC, "points" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Score_level_name_key" ON "Score"("level" DESC, "name");

