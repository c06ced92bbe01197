-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Slot" (
    "id" INTEGER NOT NULL,
    "room" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "hour" INTEGER NOT NULL,
    "owner" TEXT NOT NULL,

    CONSTRAINT "Slot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Slot_room_day_hour_key" ON "Slot"("room", "day", "hour");

-- CreateIndex
CREATE UNIQUE INDEX "Slot_owner_day_key" ON "Slot"("owner", "day");

-- CreateIndex
CREATE UNIQUE INDEX "slot_room_owner_uq" ON "Slot"("room", "owner");

