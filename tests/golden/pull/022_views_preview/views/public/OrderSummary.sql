SELECT
  "Order".id,
  "Order".amount AS total
FROM
  "Order";