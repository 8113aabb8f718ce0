import { createScrClient } from "@nhskit/scr";

export async function setPermission() {
  const scr = createScrClient({
    environment: "sandbox",
    sessionUrid: "555254240100",
    // $setPermission reads the Authorization header even in the sandbox; elsewhere pass `auth` instead.
    headers: { Authorization: "Bearer sandbox" },
  });

  // The patient wants to be asked before anyone views their SCR.
  const { status } = await scr.setPermission("9000000009", "Ask");
  console.log(status); // 201
  return status;
}
