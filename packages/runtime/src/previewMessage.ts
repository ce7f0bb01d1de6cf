/** A short, printable form of a message that failed validation, for error texts. */
export function previewMessage(data: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(data) ?? String(data);
  } catch {
    text = String(data);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
