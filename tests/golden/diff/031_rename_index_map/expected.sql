-- RenameIndex
ALTER INDEX "Event_code_key" RENAME TO "event_code_uq";

-- RenameIndex
ALTER INDEX "Event_kind_idx" RENAME TO "event_kind";

