/**
 * The fragment key a share URL uses: `#s=<payload>`. A module of its own so the page's first
 * screen can recognise a share link without loading the codec or the engine.
 */
export const SHARE_HASH_PREFIX = '#s=';
