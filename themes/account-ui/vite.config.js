import { defineConfig } from "vite";

// Builds the whole account console (Keycloak's own pages from @keycloak/keycloak-account-ui plus
// ours) into the theme's resources. Keycloak's AccountConsole reads .vite/manifest.json from the
// theme to find the entry script, so the manifest must be written there.
export default defineConfig({
  base: "",
  esbuild: { jsx: "automatic" },
  build: {
    outDir: process.env.THEME_RESOURCES ?? "dist",
    emptyOutDir: false,
    manifest: true,
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    // One script: split chunks of the library imported each other in a cycle, which left a React
    // context undefined at start-up; and Keycloak's index.ftl preloads chunks by manifest key.
    rollupOptions: { input: "src/main.jsx", output: { inlineDynamicImports: true } },
  },
});
