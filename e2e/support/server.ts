// Where the console under test runs: its own port and data folder, away from a developer's.
export const E2E_PORT = 3100;
export const E2E_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_DATA_DIR = ".data-e2e";
