-- CreateTable
CREATE TABLE "a" (id int);
INSERT INTO a VALUES ('x;y');
