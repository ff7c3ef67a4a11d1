// Files the server makes for a signed-in user (Excel ledger, annual report): fetched with
// the bearer token, then handed to the browser as a blob link. False when refused or failed.
import { token } from "./auth";

export async function downloadWithToken(url: string, filename: string): Promise<boolean> {
  const r = await fetch(url, { headers: { Authorization: `Bearer ${token()}` } });
  if (!r.ok) return false;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await r.blob());
  link.download = filename;
  link.click();
  URL.revokeObjectURL(link.href);
  return true;
}
