-- AlterTable
CREATE SEQUENCE ticket_id_seq;
ALTER TABLE "Ticket" ALTER COLUMN "id" SET DEFAULT nextval('ticket_id_seq');
ALTER SEQUENCE ticket_id_seq OWNED BY "Ticket"."id";

