-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Zeta" (
    "id" INTEGER NOT NULL,
    "alphaId" INTEGER NOT NULL,

    CONSTRAINT "Zeta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alpha" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "Alpha_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Middle" (
    "id" INTEGER NOT NULL,
    "zetaId" INTEGER NOT NULL,
    "alphaId" INTEGER,

    CONSTRAINT "Middle_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "Zeta" ADD CONSTRAINT "Zeta_alphaId_fkey" FOREIGN KEY ("alphaId") REFERENCES "Alpha"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Middle" ADD CONSTRAINT "Middle_zetaId_fkey" FOREIGN KEY ("zetaId") REFERENCES "Zeta"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Middle" ADD CONSTRAINT "Middle_alphaId_fkey" FOREIGN KEY ("alphaId") REFERENCES "Alpha"("id") ON DELETE SET NULL ON UPDATE CASCADE;

