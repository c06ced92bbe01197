-- DropIndex
DROP INDEX "Event_kind_idx";

