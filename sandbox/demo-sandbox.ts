import { type Sandbox, type SandboxOptions, startSandbox } from "./index";
import { type DemoSeedResult, samplesAvailable, seedDemoOrg } from "./seed/demo";

/**
 * The sandbox org of the embedded default: the demo data from the samples when they are in
 * `samplesDir`, else generated contacts (`demo.source` says which, for a start-up message).
 */
export async function startDemoSandbox(
  options: Omit<SandboxOptions, "samplesDir" | "populate"> & { samplesDir?: string },
): Promise<{ sandbox: Sandbox; demo: DemoSeedResult }> {
  const samplesDir = samplesAvailable(options.samplesDir) ? options.samplesDir : undefined;
  let demo: DemoSeedResult | undefined;
  const sandbox = await startSandbox({
    ...options,
    samplesDir,
    populate: (org) => {
      demo = seedDemoOrg(org, samplesDir);
    },
  });
  return { sandbox, demo: demo! };
}
