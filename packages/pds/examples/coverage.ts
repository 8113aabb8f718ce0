import { createPdsClient } from "@nhskit/pds";

export async function coverage() {
  const pds = createPdsClient({ environment: "sandbox" });

  const { coverage, version } = await pds.getCoverage("9000000009");
  const card = coverage[0];
  if (!card || version === undefined) return undefined;
  const saved = await pds.updateCoverage({ ...card, period: { end: "2031-01-01" } }, { version });
  console.log(saved.version); // 2
  return saved;
}
