import { createErsClient } from "@nhskit/e-rs";

export async function attachments() {
  const ers = createErsClient({
    environment: "sandbox",
    businessFunction: "REFERRING_CLINICIAN",
    endUserOrganisationOds: "R69",
  });

  // Any Blob, File, ArrayBuffer or Uint8Array; a Blob's own type is used unless you give contentType.
  const file = new Blob(["Referral letter: chest pain on exertion."], { type: "text/plain" });
  const { attachmentId } = await ers.uploadAttachment({ file, fileName: "letter.txt", referralId: "000000070000" });
  console.log(attachmentId); // 19eb7224-dff3-4730-a5cb-67eac811f1a5

  // e-RS answers a download with a 307 to short-lived storage; the client follows it.
  const download = await ers.downloadAttachment("att-70000-70000");
  console.log(download.fileName, download.contentType, download.size > 0); // The filenamé.pdf application/pdf true

  const letter = await ers.generatePatientLetterPdf("000000070000");
  console.log(letter.fileName); // 000000070000_Appointment_Confirmation_Summary_20210603121353.pdf
  return { attachmentId, download, letter };
}
