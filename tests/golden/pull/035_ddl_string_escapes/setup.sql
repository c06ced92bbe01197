-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Esc" (
    "id" INTEGER NOT NULL,
    "quote" TEXT NOT NULL DEFAULT 'it''s',
    "dq" TEXT NOT NULL DEFAULT 'say "hi"',
    "bs" TEXT NOT NULL DEFAULT 'back\slash',
    "nl" TEXT NOT NULL DEFAULT 'line
break',
    "tab" TEXT NOT NULL DEFAULT 'a	b',
    "uni" TEXT NOT NULL DEFAULT 'héllo ✓',

    CONSTRAINT "Esc_pkey" PRIMARY KEY ("id")
);

