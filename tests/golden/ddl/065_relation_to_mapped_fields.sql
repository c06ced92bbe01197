-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "machines" (
    "machine_id" INTEGER NOT NULL,

    CONSTRAINT "machines_pkey" PRIMARY KEY ("machine_id")
);

-- CreateTable
CREATE TABLE "machine_logs" (
    "log_id" INTEGER NOT NULL,
    "machine_ref" INTEGER NOT NULL,

    CONSTRAINT "machine_logs_pkey" PRIMARY KEY ("log_id")
);

-- CreateIndex
CREATE INDEX "machine_logs_machine_ref_idx" ON "machine_logs"("machine_ref");

-- AddForeignKey
ALTER TABLE "machine_logs" ADD CONSTRAINT "machine_logs_machine_ref_fkey" FOREIGN KEY ("machine_ref") REFERENCES "machines"("machine_id") ON DELETE CASCADE ON UPDATE CASCADE;

