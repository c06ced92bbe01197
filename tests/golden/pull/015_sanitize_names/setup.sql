CREATE TABLE "order-items" (id INTEGER PRIMARY KEY, "unit price" INTEGER, "2nd" TEXT, "ok_name" TEXT, "Ünïcode" TEXT);
CREATE TABLE "1table" (id INTEGER PRIMARY KEY);
CREATE TABLE "String" (id INTEGER PRIMARY KEY);
CREATE TABLE "with space" (id INTEGER PRIMARY KEY, "order-items_id" INTEGER REFERENCES "order-items"(id));
