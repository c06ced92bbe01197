SELECT
  "Order".id,
  "Order".amount AS total,
  "Order".role,
  "Order".tags,
  "Order".code,
  "Order".at,
  "Order".data,
  "Order".big,
  "Order".flag,
  "Order".pt,
  "Order"."weird name",
  ("Order".amount * (2) :: numeric) AS doubled,
  NOW() AS ts,
  'x' :: text AS lit
FROM
  "Order";