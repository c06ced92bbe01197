CREATE TABLE "Order" (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL);
CREATE VIEW "OrderSummary" AS SELECT id, amount AS total FROM "Order";
