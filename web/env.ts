/** The gateway `npm run dev` proxies /graphql and /auth to (`npm start` serves it on 4000). */
export const devGatewayUrl = process.env['SOPHIA_GATEWAY_URL'] ?? 'http://localhost:4000';
