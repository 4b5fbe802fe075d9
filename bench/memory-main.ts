/**
 * The memory mode of npm run bench on its own: `npx tsx bench/memory-main.ts`
 * (BENCH_MEMORY_ACCOUNTS, BENCH_MEMORY_UPDATES as in npm run bench).
 */
import { printMemoryMode } from './memory.ts';

await printMemoryMode();
