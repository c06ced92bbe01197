-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "U" (
    "id" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "the_slug" TEXT NOT NULL,

    CONSTRAINT "U_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "U_email_key" ON "U"("email");

-- CreateIndex
CREATE UNIQUE INDEX "u_code_unique" ON "U"("code");

-- CreateIndex
CREATE UNIQUE INDEX "U_the_slug_key" ON "U"("the_slug");

