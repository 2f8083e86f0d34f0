import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Nothing environment-specific belongs here: endpoints come from /config.json at runtime, so
// one build serves the local stack and every AWS deployment.
export default defineConfig({
  plugins: [react()],
  // `@contract` and `@contract/*` (tsconfig.json's `paths`), in the build and the dev server.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: 'dist',
    rolldownOptions: {
      output: {
        // The QR code library's chunk is named after it, so `bench:flows` can show that it
        // loads only when an authenticator app is being set up.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => id.includes('/node_modules/qrcode/'))
            ? 'assets/qrcode-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
});
