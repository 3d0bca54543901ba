export { fuseByReciprocalRank, RRF_K, type FusedItem } from './fusion.ts';
export {
  EXACT_SEARCH_LIMIT,
  WarmIndex,
  type WarmEntry,
  type WarmFilter,
  type WarmHit,
  type WarmIndexOptions,
  type WarmQuery,
} from './warm-index.ts';
