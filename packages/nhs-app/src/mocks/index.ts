export {
  EXPIRED_ACCESS_TOKEN,
  MOCK_SUPPLIER_ID,
  NHS_APP_USERS,
  NOT_A_USER,
  PATIENT_REPORTS,
  type PatientRow,
  RECEIPT_REPORTS,
  type ReceiptOptions,
  type ReplyOptions,
  sampleReceipt,
  sampleReply,
  TEST_NHS_NUMBER,
  TEST_ODS_CODE,
} from "./fixtures.js";
export {
  ALL_PERMISSIONS,
  NHS_APP_BASE_PATH,
  NHS_APP_DEV_BASE_PATH,
  type NhsAppMockOptions,
  type NhsAppPermission,
  nhsAppHandlers,
  type Throttle,
} from "./handlers.js";
