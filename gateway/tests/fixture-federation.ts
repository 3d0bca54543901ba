import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import {
  createLogger,
  createSubgraph,
  gql,
  requireViewer,
  type BaseContext,
  type Subgraph,
} from '@sophia/kit';
import { TEST_SECRET } from '@sophia/kit/testing';

/**
 * A two-subgraph federation that is not Sophia's: the gateway must serve any supergraph unchanged.
 * `inventory` owns Product; `reviews` extends it and echoes who the gateway said the viewer is.
 */
const inventoryTypeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    products: [Product!]!
    whoami: String
  }
  type Product @key(fields: "id") {
    id: ID!
    name: String!
  }
`;

const reviewsTypeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    slow: String
  }
  type Product @key(fields: "id") {
    id: ID!
    rating: Float!
    reviewedFor: String
  }
`;

const products = [
  { id: 'p1', name: 'Desk', rating: 4.5 },
  { id: 'p2', name: 'Lamp', rating: 3.9 },
];

export async function createInventory(): Promise<Subgraph> {
  return createSubgraph({
    name: 'inventory',
    typeDefs: inventoryTypeDefs,
    internalTokenSecret: TEST_SECRET,
    logger: createLogger('inventory', 'silent'),
    createContext: (base) => base,
    resolvers: {
      Query: {
        products: () => products.map(({ id, name }) => ({ id, name })),
        whoami: (_: unknown, __: unknown, { viewer }: BaseContext) => viewer.userId ?? 'anonymous',
      },
    },
  });
}

export async function createReviews(options: { slowMs?: number } = {}): Promise<Subgraph> {
  return createSubgraph({
    name: 'reviews',
    typeDefs: reviewsTypeDefs,
    internalTokenSecret: TEST_SECRET,
    logger: createLogger('reviews', 'silent'),
    createContext: (base) => base,
    resolvers: {
      Query: {
        slow: async () => {
          await new Promise((resolve) => setTimeout(resolve, options.slowMs ?? 0));
          return 'done';
        },
      },
      Product: {
        __resolveReference: (ref: { id: string }) => products.find((p) => p.id === ref.id),
        reviewedFor: (_: unknown, __: unknown, { viewer }: BaseContext) => requireViewer(viewer).userId,
      },
    },
  });
}

export const inventorySdl = inventoryTypeDefs;

/** Composes the fixture subgraphs at the given URLs into a supergraph file in a fresh temp dir. */
export function writeSupergraph(urls: { inventory: string; reviews: string }, extraInventory = ''): string {
  const result = composeServices([
    {
      name: 'inventory',
      url: urls.inventory,
      typeDefs: extraInventory
        ? gql`
            ${inventoryTypeDefs.loc!.source.body}
            ${extraInventory}
          `
        : inventoryTypeDefs,
    },
    { name: 'reviews', url: urls.reviews, typeDefs: reviewsTypeDefs },
  ]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const dir = mkdtempSync(join(tmpdir(), 'sophia-gateway-'));
  const path = join(dir, 'supergraph.graphql');
  writeFileSync(path, result.supergraphSdl);
  return path;
}
