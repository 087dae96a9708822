import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
        setupFiles: ['./test/setup.ts'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        env: { SPORBAR_TODAY: '2026-11-28' }
    }
});
