import { parseMeshTimestamp } from "./metadata.js";
import type { TrackingV1, TrackingV2 } from "./types.js";

const present = (v: string | undefined) => (v === undefined || v === "" ? undefined : v);
const iso = (v: string | undefined) => parseMeshTimestamp(present(v))?.toISOString();

/** A v1 tracking body (camelCase, `yyyyMMddHHmmss`) in v2 field names (snake_case, ISO 8601). */
export function trackingFromV1(v1: TrackingV1): TrackingV2 {
  const out: Record<string, unknown> = {
    message_id: v1.messageId ?? v1.dtsId,
    local_id: present(v1.localId),
    workflow_id: present(v1.workflowId),
    filename: present(v1.fileName),
    expiry_time: iso(v1.expiryTime),
    upload_timestamp: iso(v1.uploadTimestamp),
    recipient: present(v1.recipient),
    recipient_name: present(v1.recipientName),
    recipient_ods_code: present(v1.meshRecipientOdsCode),
    recipient_org_code: present(v1.recipientOrgCode),
    recipient_org_name: present(v1.recipientOrgName),
    status_success: present(v1.statusSuccess) === undefined ? undefined : v1.statusSuccess === "SUCCESS",
    status: present(v1.status)?.toLowerCase(),
    status_event: present(v1.statusEvent),
    status_timestamp: iso(v1.statusTimestamp),
    status_description: present(v1.statusDescription),
    status_code: present(v1.statusCode),
  };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as TrackingV2;
}
