export { ERS_EXAMPLE_REQUESTS, type ErsExampleOperation } from "./examples.js";
export {
  E_RS_BASE_PATH,
  type ErsMockOptions,
  eRsHandlers,
  OBJECT_STORE_FILE_ID,
  UPLOADED_BINARY_ID,
} from "./handlers.js";
export { makePdf } from "./pdf.js";
export { SANDBOX_ERROR_DIAGNOSTICS, SANDBOX_REQUEST_ID } from "./respond.js";
