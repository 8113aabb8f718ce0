import { createDataRegistersClient, NhsApiError } from "@nhskit/data-registers";

export async function customPaths() {
  // If the real service turns out to use other routes, map each operation to its path template.
  const registers = createDataRegistersClient({
    environment: "local",
    paths: { getRegisterEntry: "/registers/{registerId}/entries/{code}" },
    retry: false,
  });

  try {
    await registers.getRegister("hospital-beds");
  } catch (error) {
    if (error instanceof NhsApiError) return `${error.status} ${error.code}`; // 404 REGISTER_NOT_FOUND
  }
  return "found";
}
