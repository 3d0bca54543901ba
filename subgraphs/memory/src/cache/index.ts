export type { CacheBackend, CacheHit, HotCache } from './hot-cache.ts';
export { createMemoryCache, type MemoryCacheOptions } from './memory-cache.ts';
export { createRedisCache, REDIS_CLIENT_OPTIONS, type RedisCacheOptions } from './redis-cache.ts';
export { createResilientCache, type ResilientCacheOptions } from './resilient-cache.ts';
export { createCacheMetrics, withCacheMetrics, type CacheMetrics } from './cache-metrics.ts';
export { embeddingKey, memoryKey, searchKey, sha256, stableJson } from './keys.ts';
export { lookupSearch, viewerTags, writeTags, type SearchRequest } from './search-cache.ts';
export { decodeEmbedding, encodeEmbedding, getEmbeddings, setEmbedding } from './embedding-cache.ts';
