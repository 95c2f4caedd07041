/** SQLite refuses more than 32,766 bound values in one statement: long id lists are read in slices. */
const sliceSize = 500;

/** Runs `read` on consecutive slices of `ids` (duplicates dropped) and concatenates the rows. */
export const readInSlices = <Row>(ids: readonly string[], read: (slice: string[]) => Row[]): Row[] => {
  const unique = [...new Set(ids)];
  const rows: Row[] = [];
  for (let start = 0; start < unique.length; start += sliceSize) rows.push(...read(unique.slice(start, start + sliceSize)));
  return rows;
};
