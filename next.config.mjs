/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native, wasm or worker files stay out of the bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pino",
    "pino-pretty",
    "jsforce",
    "pg-boss",
    "postgres",
    "bcryptjs",
  ],
  // Types are checked once, by `npm run typecheck` in the test command, not again in every build.
  typescript: { ignoreBuildErrors: true },
  // Server-action arguments can hold Salesforce credentials: never print them in development.
  logging: { serverFunctions: false },
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default nextConfig;
