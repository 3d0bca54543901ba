import type { Page } from '../store/rows.ts';

/** Edges, nodes and page info of a keyset page; shared by every connection type. */
export const pageFields = {
  edges: <Row>(page: Page<Row>) => page.rows.map((row) => ({ cursor: page.cursorOf(row), node: row })),
  nodes: <Row>(page: Page<Row>) => page.rows,
  pageInfo: <Row>(page: Page<Row>) => {
    const last = page.rows.at(-1);
    return { hasNextPage: page.hasNextPage, endCursor: last === undefined ? null : page.cursorOf(last) };
  },
  totalCount: <Row>(page: Page<Row>) => page.totalCount(),
};
