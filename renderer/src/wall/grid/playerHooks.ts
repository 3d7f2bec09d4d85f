/** The player layer's hooks, in one place for the wall's components. */
export { usePlayerManager, usePlayerHealth as useTileHealth } from '../player';
