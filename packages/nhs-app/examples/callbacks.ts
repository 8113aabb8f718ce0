import { createCallbackHandler, type Receipt, type Reply } from "@nhskit/nhs-app";

// Your endpoint for real-time receipts (POST …/FHIR/R4/Task) and replies (POST …/FHIR/R4/CommunicationRequest).
// Serve it over mutual TLS with the certificate the NHS App team signs, and allow-list their address.
export const seen: Array<Receipt | Reply> = [];

export const handleNhsAppCallback = createCallbackHandler({
  onReceipt: async (receipt) => {
    // receipt.event: Delivered, Rejected, NotificationAttempted, Notified, Unnotified or Read
    seen.push(receipt);
  },
  onReply: async (reply) => {
    // reply.answer: { type: "keyword", code } or { type: "free-text", text }
    seen.push(reply);
  },
});

// With any server that speaks fetch Requests, e.g. in Node:
//   const response = await handleNhsAppCallback(request, { clientVerified: socket.authorized });
