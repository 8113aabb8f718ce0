import { createDataRegistersClient } from "@nhskit/data-registers";

// PROVISIONAL: the Data Registers Service's interface is not published; this client follows nhskit's model.
export async function listRegisters() {
  // Outside nhskit's local sandbox pass baseUrl (and `paths` once the real routes are known).
  const registers = createDataRegistersClient({ environment: "local" });

  const { registers: all } = await registers.listRegisters();
  for (const register of all) console.log(register.id, register.custodian);
  return all;
}
