/** Tests start their own real redis-server; the helper is shared with the other services' tests. */
export { freePort, sleep, startRedis } from '../../../ops/src/testing/redis-server.ts';
