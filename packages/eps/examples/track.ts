import { createEpsClient } from "@nhskit/eps";

export async function trackPrescription() {
  const eps = createEpsClient({ environment: "sandbox" });

  // The tracker is not in the published specs; the sandbox answers one canned prescription for any id.
  const { tasks } = await eps.trackPrescription("58EFB9-A83008-27693K");
  const task = tasks[0] as { for?: { display?: string } } | undefined;
  console.log(task?.for?.display); // MS STACEY MARISA TWITCHETT
  return tasks;
}
